/**
 * Imported first by every entry point of the page (main.tsx and the worker
 * entries), before any schema is built: zod compiles fast parsers with
 * `new Function`, and even its probe for that is reported as a violation by
 * a Content-Security-Policy without 'unsafe-eval' (ours, see index.html).
 * Must run before `z.object` is first called, since zod decides then.
 */
import { config } from 'zod';

config({ jitless: true });
