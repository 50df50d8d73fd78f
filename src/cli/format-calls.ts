import type { CallFigures } from '../engine/types';
import { formatCount, formatNumber, formatTable, indent } from './format-numbers';

const MAX_BREAKER_CHANGES = 12;
const STATE_WORDS = { closed: 'closed', open: 'opened', halfOpen: 'half-opened' } as const;

/** For a node whose links carry call policies: each dependency's calls, fast failures and breaker changes. */
export function callLines(calls: readonly CallFigures[] | undefined, name: string): string[] {
  if (!calls || calls.length === 0) return [];
  const rows = calls.map((c) => [
    c.target,
    formatCount(c.calls),
    formatCount(c.succeeded),
    formatCount(c.failed),
    formatCount(c.retries),
    formatCount(c.retriesDenied),
    formatCount(c.timeouts),
    formatCount(c.circuitOpen),
    formatCount(c.bulkheadFull),
    c.breaker ? c.breaker.state.replace('halfOpen', 'half-open') : '–',
  ]);
  const lines = ['', `Calls from ${name}`];
  lines.push(
    ...indent(
      formatTable(
        [['to', 'calls', 'ok', 'failed', 'retries', 'no budget', 'timeouts', 'circuit open', 'bulkhead full', 'breaker'], ...rows],
        ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
      ),
    ),
  );
  for (const c of calls) {
    if (!c.breaker || c.breaker.opened === 0) continue;
    const changes = c.breaker.timeline.slice(1);
    lines.push(`  breaker to ${c.target}: opened ${formatCount(c.breaker.opened)} time${c.breaker.opened === 1 ? '' : 's'}`);
    for (const change of changes.slice(0, MAX_BREAKER_CHANGES)) lines.push(`    at ${formatNumber(change.time)} s, ${STATE_WORDS[change.state]}`);
    if (changes.length > MAX_BREAKER_CHANGES) lines.push(`    …and ${formatCount(changes.length - MAX_BREAKER_CHANGES)} more changes`);
  }
  return lines;
}
