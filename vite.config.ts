import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { prepaint } from './scripts/prepaint-plugin.mjs';

/**
 * The dev server injects an inline script (React Fast Refresh) and talks
 * over a websocket, both of which index.html's Content-Security-Policy
 * refuses; builds and previews keep the policy.
 */
const devWithoutCsp: Plugin = {
  name: 'dev-without-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

/**
 * After a first visit the playground runs offline (a workshop survives bad
 * wifi): a service worker precaches every built file, workers and example
 * chunks included. Only builds get one (the dev server never registers it).
 * The page registers it itself (src/ui/register-offline.ts) once the first
 * frame is on screen: the worker's install fetches every file, which would
 * otherwise compete with a first visit's first paint. A new build's worker waits
 * until every tab of the old one has closed: a tab keeps the files it
 * started with, lazy chunks included. docs/hosting.md says how to serve it.
 */
const offline = VitePWA({
  injectRegister: false,
  registerType: 'prompt',
  manifest: false,
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
    // Any address of the app (?embed=1, a lesson's query) opens the one page.
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
  },
});

/**
 * Workers draw nothing: the prepaint snapshot worker renders the app's components to markup (src/prepaint), and
 * their style sheets are the page's. Their CSS imports load as nothing, so a worker build emits no second copy.
 */
const noCssInWorkers: Plugin = {
  name: 'no-css-in-workers',
  enforce: 'pre',
  resolveId: (id) => (id.endsWith('.css') ? '\0no-css' : null),
  load: (id) => (id === '\0no-css' ? '' : null),
};

export default defineConfig({
  plugins: [react(), devWithoutCsp, prepaint(), offline],
  worker: { format: 'es', plugins: () => [noCssInWorkers] },
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
