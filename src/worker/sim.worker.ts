/**
 * The Web Worker entry: the simulation runs here so the page never waits on
 * it. Everything lives in sim-service.ts; this file only exposes it.
 */
import '../scenario/zod-without-eval';
import { expose } from 'comlink';
import { createSimService } from './sim-service';
import { type HookScope, installTestHooks } from './test-hooks';

const service = createSimService();
expose(service);
installTestHooks(self as unknown as HookScope);

/** What the page sees through comlink's `wrap`. */
export type SimService = typeof service;
