import type { ParseResult } from './parse';

/*
 * Fixtures for the parser's tests. Only tests import this module, so it
 * stays out of the app bundle.
 */

/** A JSON object as a scenario file holds it, before validation. */
export type Json = Record<string, unknown>;

/** A server with one worker and 100 ms exponential service, plus any fields to override. */
export const server = (id: string, extra: Json = {}): Json => ({
  id,
  kind: 'server',
  workers: 1,
  serviceTime: { type: 'exponential', mean: 0.1 },
  ...extra,
});

/** A minimal valid scenario (client → server) that each test breaks in one way. */
export function valid(): { version: unknown; nodes: Json[]; links: Json[] } & Json {
  return {
    version: 1,
    nodes: [{ id: 'users', kind: 'client', workload: { mode: 'open', rate: 8 } }, server('api')],
    links: [{ id: 'users-api', from: 'users', to: 'api' }],
  };
}

/** The errors of a refused scenario; throws if it was accepted. */
export function errorsOf(result: ParseResult): string[] {
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.errors;
}

/** The warnings of an accepted scenario; throws if it was refused. */
export function warningsOf(result: ParseResult): string[] {
  if (!result.ok) throw new Error(`expected the scenario to be accepted:\n${result.errors.join('\n')}`);
  return result.warnings;
}
