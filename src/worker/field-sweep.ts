/**
 * A sweep of one numeric field: the scenario run once per value of the field
 * over a range (replicas, a client's rate, workers, a cache's capacity, a
 * parallel job's N, …). A field is named by a path: `nodes.<id>.<field>`,
 * with deeper fields after dots (`nodes.users.workload.rate`),
 * `links.<id>.<field>`, or a top-level field (`duration`). Every problem is
 * found before any run starts, with a message that names it.
 */
import type { Report } from '../engine/types';
import { parseScenario } from '../scenario/parse';
import type { FieldSweepPoint } from './protocol';
import type { Scenario } from '../scenario/schema';

export type { FieldSweepPoint } from './protocol';

/** Points a sweep may have at most: each is a full run. */
export const MAX_SWEEP_STEPS = 200;

/** One value of the field, and the scenario with it set. */
export interface FieldVariant {
  value: number;
  scenario: Scenario;
}

/** What the sweep asks for: a field, a range and a number of points. */
export interface FieldSweepRequest {
  path: string;
  from: number;
  to: number;
  steps: number;
}

export type FieldSweepPlan = { ok: true; variants: FieldVariant[]; integer: boolean } | { ok: false; error: string };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object the path's first segments name (a node, a link, or the scenario), and the keys left to follow in it. */
function startOf(scenario: Scenario, parts: readonly string[]): { target: Json; rest: string[]; where: string } | string {
  const [head, id, ...rest] = parts;
  if (head === 'nodes' || head === 'links') {
    const list = (head === 'nodes' ? scenario.nodes : scenario.links) as unknown as Json[];
    const what = head === 'nodes' ? 'node' : 'link';
    const found = list.find((item) => item.id === id);
    if (!found) {
      const ids = list.map((item) => String(item.id)).join(', ');
      return `there is no ${what} "${id ?? ''}" in this scenario (its ${head}: ${ids || 'none'}).`;
    }
    if (rest.length === 0) return `name a field of ${what} "${id}", such as ${head}.${id}.${head === 'nodes' ? 'workers' : 'latency'}.`;
    return { target: found, rest, where: `${what} "${id}"` };
  }
  return { target: scenario as unknown as Json, rest: [...parts], where: 'the scenario' };
}

/** The number at `path` in `scenario`, or why there is none. */
export function fieldValue(scenario: Scenario, path: string): { ok: true; value: number } | { ok: false; error: string } {
  const parts = path.split('.').filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, error: 'the field path is empty; write one such as nodes.app.replicas.' };
  const start = startOf(scenario, parts);
  if (typeof start === 'string') return { ok: false, error: `Field "${path}": ${start}` };
  let value: unknown = start.target;
  for (const key of start.rest) {
    if (!isObject(value) || !Object.hasOwn(value, key)) {
      const here = value;
      const known = isObject(here) ? Object.keys(here).filter((k) => typeof here[k] === 'number' || isObject(here[k])) : [];
      return { ok: false, error: `Field "${path}": ${start.where} has no field "${key}"${known.length ? ` (it has ${known.join(', ')})` : ''}.` };
    }
    value = value[key];
  }
  if (typeof value !== 'number') return { ok: false, error: `Field "${path}" is not a number (it is ${value === null ? 'null' : typeof value}); only numeric fields can be swept.` };
  return { ok: true, value };
}

/** A copy of `scenario` with the number at `path` (known to exist) set to `value`. */
function withValue(scenario: Scenario, path: string, value: number): unknown {
  const copy = structuredClone(scenario) as unknown as Json;
  const parts = path.split('.').filter((p) => p !== '');
  let target: Json = copy;
  let keys = parts;
  if (parts[0] === 'nodes' || parts[0] === 'links') {
    target = (copy[parts[0]] as Json[]).find((item) => item.id === parts[1]) as Json;
    keys = parts.slice(2);
  }
  for (const key of keys.slice(0, -1)) target = target[key] as Json;
  target[keys.at(-1) as string] = value;
  return copy;
}

/** `steps` values evenly spaced from `from` to `to` (both included), rounded and without repeats for a whole-number field. */
export function sweepValues(from: number, to: number, steps: number, integer: boolean): number[] {
  const raw = steps === 1 ? [from] : Array.from({ length: steps }, (_, i) => from + ((to - from) * i) / (steps - 1));
  if (!integer) return raw;
  return [...new Set(raw.map((v) => Math.round(v)))];
}

/** Whether the schema takes only whole numbers at `path`: it refuses the current value plus a half. */
function takesWholeNumbers(scenario: Scenario, path: string, current: number): boolean {
  const parsed = parseScenario(withValue(scenario, path, current + 0.5));
  return !parsed.ok && parsed.errors.some((e) => e.includes('whole number'));
}

/** Checks the request against `scenario` and builds one scenario per value (the ends validated), or says what is wrong. */
export function planFieldSweep(scenario: Scenario, request: FieldSweepRequest): FieldSweepPlan {
  const { path, from, to, steps } = request;
  const current = fieldValue(scenario, path);
  if (!current.ok) return current;
  if (!Number.isFinite(from) || !Number.isFinite(to)) return { ok: false, error: `The sweep's range must be two numbers (from ${from} to ${to}).` };
  if (!Number.isInteger(steps) || steps < 1) return { ok: false, error: `The sweep has no points: steps must be a whole number of at least 1 (it is ${steps}).` };
  if (steps > MAX_SWEEP_STEPS) return { ok: false, error: `The sweep has too many points: at most ${MAX_SWEEP_STEPS} steps, each a full run (it is ${steps}).` };
  const integer = takesWholeNumbers(scenario, path, current.value);
  const values = sweepValues(from, to, steps, integer);
  if (integer && from !== to && values.length === 1 && steps > 1) {
    return { ok: false, error: `The sweep has one point only: "${path}" takes whole numbers, and ${from} to ${to} rounds to ${values[0]}.` };
  }
  // Only the two ends are validated here, on the page's thread: the format's bounds are ranges, so the
  // values between them pass too, and the worker validates each scenario again before it runs.
  for (const value of new Set([values[0] as number, values.at(-1) as number])) {
    const parsed = parseScenario(withValue(scenario, path, value));
    if (!parsed.ok) return { ok: false, error: `"${path}" = ${value} is not allowed: ${parsed.errors[0] ?? 'the scenario does not validate.'}` };
  }
  const variants = values.map((value) => ({ value, scenario: withValue(scenario, path, value) as Scenario }));
  return { ok: true, variants, integer };
}

/** The point for one finished run. */
export function fieldSweepPoint(value: number, report: Report, runMs: number): FieldSweepPoint {
  const t = report.totals;
  let hits = 0;
  let lookups = 0;
  let speedup: number | null = null;
  for (const node of report.nodes) {
    if (node.cache) {
      hits += node.cache.hits;
      lookups += node.cache.hits + node.cache.misses;
    }
    if (speedup === null && node.parallel) speedup = node.parallel.speedup;
  }
  return {
    value,
    throughput: t.throughput,
    p99: t.latency.p99,
    meanLatency: t.latency.mean,
    failedRatio: t.sent > 0 ? t.failed / t.sent : 0,
    hitRatio: lookups > 0 ? hits / lookups : null,
    speedup,
    runMs,
  };
}
