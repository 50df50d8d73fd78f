import { describe, expect, it } from 'vitest';
import { oneServer } from '../engine/testing/build-scenario';
import { fieldValue, planFieldSweep, sweepValues } from './field-sweep';

const system = () => oneServer({ rate: 100, duration: 5 });

describe('a field path', () => {
  it('reads a node field, a nested one, a link field and a top-level one', () => {
    expect(fieldValue(system(), 'nodes.app.workers')).toEqual({ ok: true, value: 2 });
    expect(fieldValue(system(), 'nodes.users.workload.rate')).toEqual({ ok: true, value: 100 });
    expect(fieldValue(system(), 'duration')).toEqual({ ok: true, value: 5 });
  });

  it.each([
    ['nodes.nobody.workers', /no node "nobody" in this scenario \(its nodes: users, app\)/],
    ['nodes.app.wrokers', /node "app" has no field "wrokers" \(it has .*workers/],
    ['nodes.app.sessions', /"nodes.app.sessions" is not a number \(it is string\)/],
    ['nodes.app', /name a field of node "app"/],
    ['colour', /the scenario has no field "colour"/],
    ['', /empty/],
  ])('%s that does not exist, or is not a number, gets a message naming it', (path, message) => {
    const plan = planFieldSweep(system(), { path, from: 1, to: 4, steps: 4 });
    expect(plan.ok).toBe(false);
    expect(plan.ok ? '' : plan.error).toMatch(message);
  });
});

describe('a sweep range', () => {
  it('spaces the values evenly, both ends included', () => {
    expect(sweepValues(0, 1, 5, false)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(sweepValues(1, 64, 4, true)).toEqual([1, 22, 43, 64]);
    expect(sweepValues(1, 3, 10, true)).toEqual([1, 2, 3]);
    expect(sweepValues(7, 7, 1, false)).toEqual([7]);
  });

  it('with no points is refused with a message that says so', () => {
    const none = planFieldSweep(system(), { path: 'nodes.app.workers', from: 1, to: 8, steps: 0 });
    expect(none.ok ? '' : none.error).toMatch(/The sweep has no points: steps must be a whole number of at least 1 \(it is 0\)/);
    const nan = planFieldSweep(system(), { path: 'nodes.app.workers', from: Number.NaN, to: 8, steps: 3 });
    expect(nan.ok ? '' : nan.error).toMatch(/range must be two numbers/);
  });

  it('that rounds to one whole number is refused: nothing would be swept', () => {
    const plan = planFieldSweep(system(), { path: 'nodes.app.replicas', from: 2.1, to: 2.4, steps: 5 });
    expect(plan.ok ? '' : plan.error).toMatch(/takes whole numbers, and 2.1 to 2.4 rounds to 2/);
  });

  it('refuses a value the format does not allow, naming it', () => {
    const plan = planFieldSweep(system(), { path: 'nodes.app.replicas', from: 1, to: 100, steps: 3 });
    expect(plan.ok ? '' : plan.error).toMatch(/"nodes.app.replicas" = 100 is not allowed: .*replicas.*at most 64/);
  });

  it('builds one validated scenario per value; a whole-number field gets whole numbers', () => {
    const plan = planFieldSweep(system(), { path: 'nodes.app.replicas', from: 1, to: 4, steps: 4 });
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.integer).toBe(true);
    expect(plan.variants.map((v) => v.value)).toEqual([1, 2, 3, 4]);
    expect(plan.variants.map((v) => v.scenario.nodes[1])).toMatchObject([{ replicas: 1 }, { replicas: 2 }, { replicas: 3 }, { replicas: 4 }]);
    const rates = planFieldSweep(system(), { path: 'nodes.users.workload.rate', from: 50, to: 150, steps: 3 });
    if (!rates.ok) throw new Error(rates.error);
    expect(rates.integer).toBe(false);
    expect(rates.variants.map((v) => v.scenario.nodes[0])).toMatchObject([{ workload: { rate: 50 } }, { workload: { rate: 100 } }, { workload: { rate: 150 } }]);
  });
});
