/**
 * What a run will cost the engine, estimated from the scenario before it
 * runs: for the parser's warnings about values that cannot be simulated
 * sensibly, and for the CLI, which refuses a run it could never finish.
 * Orders of magnitude, not promises: the engine's real speed depends on the
 * system and the machine.
 */
import { MAX_WALL_SECONDS, maxRequestSlots, NOMINAL_EVENTS_PER_SECOND, PENDING_EVENTS_FOR_NEW_REQUESTS } from './engine-limits';
import { distributionMean, type Scenario } from './schema';

/**
 * Engine events one request costs, roughly: M/M/1 takes about three (its
 * arrival, the end of its service, its answer), a balanced tier with a
 * database five or six.
 */
const EVENTS_PER_REQUEST = 4;
/** A closed-loop user with no think time still waits for its answer; a millisecond is a short round trip. */
const SHORTEST_ROUND_TRIP = 0.001;

/** Requests a second each client sends at most (a closed loop: its users, each answered at once). */
function clientRates(scenario: Scenario): { id: string; rate: number }[] {
  const rates: { id: string; rate: number }[] = [];
  for (const node of scenario.nodes) {
    if (node.kind !== 'client') continue;
    const w = node.workload;
    rates.push({ id: node.id, rate: w.mode === 'open' ? w.rate : w.users / Math.max(distributionMean(w.thinkTime), SHORTEST_ROUND_TRIP) });
  }
  return rates;
}

/**
 * Wall seconds one simulated second takes at the engine's nominal speed,
 * roughly: the requests' events, the metrics windows' and the health probes'.
 * Each term is divided by the speed before it is added, so a rate near the
 * largest double does not overflow to Infinity.
 */
export function wallSecondsPerSimulatedSecond(scenario: Scenario): number {
  const perRequest = EVENTS_PER_REQUEST / NOMINAL_EVENTS_PER_SECOND;
  let wall = 1 / NOMINAL_EVENTS_PER_SECOND; // a metrics window closes every simulated second
  for (const { rate } of clientRates(scenario)) wall += rate * perRequest;
  for (const node of scenario.nodes) {
    const active = node.kind === 'loadBalancer' ? node.healthCheck.active : null;
    if (active) wall += (scenario.links.filter((l) => l.from === node.id).length * perRequest) / active.interval;
  }
  return wall;
}

/** Wall seconds the whole run would take at the engine's nominal speed (Infinity past the largest double). */
export function estimatedWallSeconds(scenario: Scenario): number {
  return scenario.duration * wallSecondsPerSimulatedSecond(scenario);
}

/**
 * Why the run's duration cannot be simulated in reasonable time (over a day
 * of wall time at the engine's speed), or null. The parser warns with it; the
 * CLI, which has no Pause, refuses with it.
 */
export function durationProblem(scenario: Scenario): string | null {
  const wall = estimatedWallSeconds(scenario);
  if (!(wall > MAX_WALL_SECONDS)) return null;
  const busiest = clientRates(scenario).reduce<{ id: string; rate: number } | null>((top, c) => (top === null || c.rate > top.rate ? c : top), null);
  const load = busiest ? ` with client "${busiest.id}" sending up to ${formatQuantity(busiest.rate)} requests a second` : '';
  // What would fit in an hour of wall time at the same pace.
  const fits = 3600 / wallSecondsPerSimulatedSecond(scenario);
  const span = Number.isFinite(wall) ? `about ${formatWallTime(wall)}` : 'longer than the age of the universe';
  return (
    `field "duration": ${formatQuantity(scenario.duration)} s of simulated time${load} would take ${span} ` +
    `at the engine's speed (about ${formatQuantity(NOMINAL_EVENTS_PER_SECOND)} events a second). ` +
    `Lower the rate, or the duration: about ${formatQuantity(fits)} s would take an hour.`
  );
}

/** Warnings for values the engine cannot simulate sensibly, each naming the node (or setting) and the field. */
export function runCostWarnings(scenario: Scenario): string[] {
  const warnings: string[] = [];
  const cap = maxRequestSlots(scenario.hopLimit);
  let users = 0;
  for (const node of scenario.nodes) {
    if (node.kind !== 'client') continue;
    const w = node.workload;
    if (w.mode === 'open' && w.rate > cap) {
      warnings.push(
        `client "${node.id}" field "workload.rate": ${formatQuantity(w.rate)} requests a second is more than the engine keeps alive at once ` +
          `(${cap.toLocaleString('en-US')}); if they wait in queues, the engine limit is reached within a simulated second and new requests fail with "engine limit".`,
      );
    }
    if (w.mode === 'closed') {
      users += w.users;
      if (w.users > cap) {
        warnings.push(
          `client "${node.id}" field "workload.users": ${w.users.toLocaleString('en-US')} users can have more requests alive at once than the engine keeps ` +
            `(${cap.toLocaleString('en-US')}); when that many wait for answers, new requests fail with "engine limit".`,
        );
      }
    }
  }
  if (users > PENDING_EVENTS_FOR_NEW_REQUESTS) {
    warnings.push(
      `The clients have ${users.toLocaleString('en-US')} users in all, each waiting on an event: more than the engine's budget holds ` +
        `(${PENDING_EVENTS_FOR_NEW_REQUESTS.toLocaleString('en-US')}), so their requests fail with "engine limit" or the run stops. Use fewer users (field "workload.users").`,
    );
  }
  const duration = durationProblem(scenario);
  if (duration) warnings.push(duration);
  return warnings;
}

/** A number for a sentence: grouped digits up to a trillion, powers of ten beyond and for tiny ones (1e+308 → "1e308"). */
export function formatQuantity(n: number): string {
  if (n >= 1e12 || (n > 0 && n < 1e-3)) return n.toExponential(1).replace('e+', 'e').replace('.0e', 'e');
  if (n >= 100) return Math.round(n).toLocaleString('en-US');
  return String(Number(n.toPrecision(2)));
}

/** A long span of wall time in the unit a person reads it in: hours, days or years. */
export function formatWallTime(seconds: number): string {
  const hours = seconds / 3600;
  if (hours < 48) return `${formatQuantity(hours)} hours`;
  const days = hours / 24;
  if (days < 730) return `${formatQuantity(days)} days`;
  return `${formatQuantity(days / 365.25)} years`;
}
