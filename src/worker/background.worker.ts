/**
 * A background worker's entry: headless runs for figures beside the live
 * run. Everything lives in background-service.ts; this file only exposes it.
 */
import '../scenario/zod-without-eval';
import { expose } from 'comlink';
import { createBackgroundService } from './background-service';

expose(createBackgroundService());
