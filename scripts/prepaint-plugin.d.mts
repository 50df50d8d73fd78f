import type { Plugin } from 'vite';

/** A build-only Vite plugin that writes the prepainted starter into index.html. */
export function prepaint(): Plugin;
