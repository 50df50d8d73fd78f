/**
 * `npx tsx src/cli/bench-connections.ts [rounds]`: the bench's 8-server case
 * (scenarios/bench-8-servers.json, 400 simulated s, as `npm run bench` runs
 * it) plain and with a connection pool of 8 on every server → database link,
 * alternately, so the two meet the same machine. Prints events per request
 * (exact: the engine's own count), requests per CPU second (steadier than
 * wall time on a shared machine) and the share of the bare-heap yardstick.
 * Until the pooled case joins `npm run bench`, this is how it is measured.
 */
import { readFileSync } from 'node:fs';
import { createSimulation } from '../engine';
import { parseScenarioJson } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { bareHeapRate } from './bench-reference';

const parsed = parseScenarioJson(readFileSync('scenarios/bench-8-servers.json', 'utf8'));
if (!parsed.ok) throw new Error(parsed.errors.join('; '));
const plain: Scenario = { ...parsed.scenario, duration: 400, warmup: 0 };
const pool = { handshakeRoundTrips: 1, tlsCpu: 0, pool: { size: 8, idleTimeout: 60, waitTimeout: null } };
const pooled: Scenario = { ...plain, links: plain.links.map((link) => (link.to === 'db' ? { ...link, connection: pool } : link)) };

function run(name: string, scenario: Scenario): void {
  createSimulation({ ...scenario, duration: 20 }).runUntil(20);
  const sim = createSimulation(scenario);
  let pending = 0;
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  for (let i = 1; i <= 200; i++) {
    sim.runUntil((scenario.duration * i) / 200);
    pending += sim.pendingEvents;
  }
  const wall = (performance.now() - wallStart) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const report = sim.report();
  const requests = report.totals.completed + report.totals.failed;
  const bare = bareHeapRate(Math.max(1, Math.round(pending / 200)), 0.5);
  const perCpuSecond = requests / ((cpu.user + cpu.system) / 1e6);
  console.log(
    `${name.padEnd(7)} events/request ${(sim.events / requests).toFixed(3)}  ${(perCpuSecond / 1e6).toFixed(3)} M requests per CPU s  ` +
      `${(requests / wall / 1e6).toFixed(3)} M/s wall, share of a bare heap (${(bare / 1e6).toFixed(1)} M/s) ${((100 * requests) / wall / bare).toFixed(2)} %`,
  );
}

const rounds = Number(process.argv[2] ?? 3);
for (let round = 1; round <= rounds; round++) {
  run('plain', plain);
  run('pooled', pooled);
}
