/**
 * `node --expose-gc --import tsx src/cli/queue-memory.ts`: memory of one
 * simulated hour at 1,000 messages/s into a queue whose consumers take only
 * 800/s, so the backlog fills to its capacity (5,000) in the first seconds
 * and stays there while the overflow is refused. Prints the heap after a
 * garbage collection every five simulated minutes, and the peak: flat means
 * the engine keeps no per-message state beyond the bounded backlog. A
 * script, not a timed test: heaps move with the machine and Node's version.
 * The metrics windows of the hour (kept for the charts, up to 3,600) grow
 * the heap steadily; `--no-windows` leaves them out to show the rest is flat.
 */
import { createSimulation } from '../engine';
import { parseScenario } from '../scenario/parse';
import { SCENARIO_VERSION } from '../scenario/schema';

const parsed = parseScenario({
  version: SCENARIO_VERSION,
  name: 'queue memory: an hour at 1,000 messages/s, backlog bounded at 5,000',
  duration: 3600,
  nodes: [
    { id: 'producer', kind: 'client', workload: { mode: 'open', rate: 1000 } },
    { id: 'queue', kind: 'messageQueue', capacity: 5000, prefetch: 4, visibilityTimeout: 30 },
    ...[1, 2].map((i) => ({ id: `consumer-${i}`, kind: 'server', workers: 4, serviceTime: { type: 'exponential', mean: 0.01 } })),
  ],
  links: [
    { id: 'in', from: 'producer', to: 'queue' },
    ...[1, 2].map((i) => ({ id: `out-${i}`, from: 'queue', to: `consumer-${i}` })),
  ],
});
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));

// `--no-windows`: without the metrics windows (one a second, up to 3,600 kept), which grow the heap by design.
const windows = !process.argv.includes('--no-windows');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) process.stderr.write('run with node --expose-gc for heaps after a collection; these include garbage\n');
const heapMB = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const sim = createSimulation(parsed.scenario, { window: windows ? 1 : 0 });
const base = heapMB();
let peak = base;
console.log(`heap before the run ${base.toFixed(1)} MB`);
for (let minute = 5; minute <= 60; minute += 5) {
  sim.runUntil(minute * 60);
  const heap = heapMB();
  peak = Math.max(peak, heap);
  const queue = sim.report().nodes.find((n) => n.id === 'queue');
  const q = queue?.kind === 'messageQueue' ? queue.messaging : null;
  console.log(
    `${String(minute).padStart(2)} min  heap ${heap.toFixed(1).padStart(6)} MB  backlog ${q?.backlog}  accepted ${q?.accepted.toLocaleString('en-US')}  refused ${q?.rejected.toLocaleString('en-US')}  pending events ${sim.pendingEvents}`,
  );
}
console.log(`peak heap ${peak.toFixed(1)} MB (${(peak - base).toFixed(1)} MB above the heap before the run)`);
