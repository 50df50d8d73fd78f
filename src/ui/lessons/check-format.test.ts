import { describe, expect, it } from 'vitest';
import type { LessonCheck } from '../../scenario/lesson-schema';
import { formatMetric, verdictText } from './check-format';

const check = (fields: Partial<LessonCheck>): LessonCheck => ({ label: 'x', metric: 'totals.latency.p99', ...fields });

describe('what the lesson panel says of a check', () => {
  it('shows each metric in its unit', () => {
    expect(formatMetric('totals.latency.p99', 0.0863)).toBe('86 ms');
    expect(formatMetric('totals.latency.mean', 1.6)).toBe('1.60 s');
    expect(formatMetric('totals.throughput', 507.55)).toBe('508/s');
    expect(formatMetric('node:api.utilization', 0.642)).toBe('64.2%');
    expect(formatMetric('totals.failedShare', 0.0004)).toBe('0.04%');
    expect(formatMetric('node:job.speedup', 15.42)).toBe('15.4×');
    expect(formatMetric('totals.relogins', 67)).toBe('67');
    expect(formatMetric('node:registry.staleCalls', 1208)).toBe('1,208');
  });

  it('sets the figure against its target, or says why there is none', () => {
    expect(verdictText(check({ below: 0.2 }), { state: 'pass', value: 0.0863, reference: 0.2 })).toBe('86 ms · target < 200 ms');
    expect(verdictText(check({ metric: 'node:job.speedup', withinOf: 'theory', percent: 5 }), { state: 'pass', value: 15.42, reference: 15.42 })).toBe('15.4× · theory 15.4×');
    expect(verdictText(check({ below: 0.2 }), { state: 'pending', value: null, reference: null, why: 'warmup' })).toBe('judged after the warm-up');
  });
});
