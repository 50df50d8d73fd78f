import { describe, expect, it } from 'vitest';
import { maxRequestSlots } from './engine-limits';
import { parseScenario } from './parse';
import { server, valid, warningsOf } from './parse-fixtures';
import { durationProblem, estimatedWallSeconds, formatQuantity, formatWallTime } from './run-cost';
import type { Scenario } from './schema';

/** The minimal client → server scenario with the client's workload and the run's duration replaced. */
function withWorkload(workload: object, extra: Record<string, unknown> = {}) {
  const data = valid();
  data.nodes[0] = { id: 'users', kind: 'client', workload };
  return { ...data, ...extra };
}

function parsed(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

describe('warnings for values the engine cannot simulate sensibly', () => {
  it('say nothing about an ordinary scenario', () => {
    expect(warningsOf(parseScenario(valid()))).toEqual([]);
    expect(warningsOf(parseScenario(withWorkload({ mode: 'closed', users: 1000, thinkTime: { type: 'exponential', mean: 1 } })))).toEqual([]);
  });

  it('name the client and field of a rate past what the engine keeps alive, and the duration it makes unreachable; the file still opens', () => {
    const warnings = warningsOf(parseScenario(withWorkload({ mode: 'open', rate: 1e308 })));
    expect(warnings).toEqual([
      `client "users" field "workload.rate": 1e308 requests a second is more than the engine keeps alive at once (${maxRequestSlots(16).toLocaleString('en-US')}); if they wait in queues, the engine limit is reached within a simulated second and new requests fail with "engine limit".`,
      expect.stringMatching(/^field "duration": 60 s of simulated time with client "users" sending up to 1e308 requests a second would take about 1\.5e296 years at the engine's speed \(about 5,000,000 events a second\)\. Lower the rate, or the duration: about 4\.5e-299 s would take an hour\.$/),
    ]);
  });

  it('warn about a duration that would take more than a day, whatever the rate', () => {
    const warnings = warningsOf(parseScenario({ ...valid(), duration: 1e308 }));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^field "duration": 1e308 s of simulated time with client "users" sending up to 8 requests a second would take about .* years/);
    // A long but reachable run is not worth a word: 8/s for a simulated week is seconds of work.
    expect(warningsOf(parseScenario({ ...valid(), duration: 7 * 86400 }))).toEqual([]);
  });

  it('name a client with more users than the engine keeps requests alive for, and a population past the event budget', () => {
    const many = (id: string) => ({ id, kind: 'client', workload: { mode: 'closed', users: 1_000_000, thinkTime: { type: 'exponential', mean: 100 } } });
    const data = valid();
    data.nodes = [many('a'), many('b'), many('c'), server('api')];
    data.links = ['a', 'b', 'c'].map((id) => ({ id: `${id}-api`, from: id, to: 'api' }));
    const warnings = warningsOf(parseScenario(data));
    expect(warnings.filter((w) => w.includes('field "workload.users": 1,000,000 users'))).toHaveLength(3);
    expect(warnings).toContainEqual(expect.stringMatching(/^The clients have 3,000,000 users in all/));
  });
});

describe('the run-cost estimate', () => {
  it('grows with the rate and the duration, and counts a closed loop by its users and think time', () => {
    const base = estimatedWallSeconds(parsed(valid()));
    expect(estimatedWallSeconds(parsed({ ...valid(), duration: 600 }))).toBeCloseTo(base * 10, 6);
    expect(estimatedWallSeconds(parsed(withWorkload({ mode: 'open', rate: 80 })))).toBeGreaterThan(base * 9);
    const closed = estimatedWallSeconds(parsed(withWorkload({ mode: 'closed', users: 8, thinkTime: { type: 'constant', value: 1 } })));
    expect(closed).toBeCloseTo(base, 6);
  });

  it('has no problem with a reachable duration', () => {
    expect(durationProblem(parsed(valid()))).toBeNull();
  });

  it('reads big numbers and long spans as a person would', () => {
    expect(formatQuantity(1e308)).toBe('1e308');
    expect(formatQuantity(2.5e15)).toBe('2.5e15');
    expect(formatQuantity(212992)).toBe('212,992');
    expect(formatQuantity(0.1234)).toBe('0.12');
    expect(formatQuantity(9e-300)).toBe('9e-300');
    expect(formatWallTime(5 * 3600)).toBe('5 hours');
    expect(formatWallTime(3 * 86400)).toBe('3 days');
    expect(formatWallTime(1e10)).toBe('317 years');
  });
});
