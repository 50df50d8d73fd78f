/**
 * The Web Worker entry: the simulation runs here so the page never waits on
 * it. Everything lives in sim-service.ts; this file only exposes it.
 */
import { expose } from 'comlink';
import { createSimService } from './sim-service';

const service = createSimService();
expose(service);

/** What the page sees through comlink's `wrap`. */
export type SimService = typeof service;
