import { describe, expect, it } from 'vitest';
import { ServerNodeSchema } from '../../scenario/schema';
import { describeRange, formatField, parseField, SPECS } from './field-spec';

describe('parseField', () => {
  it('converts milliseconds to stored seconds and back', () => {
    expect(parseField('50', SPECS.positiveTime)).toEqual({ ok: true, value: 0.05 });
    expect(formatField(0.007, SPECS.positiveTime)).toBe('7');
    expect(formatField(0.05, SPECS.latency)).toBe('50');
  });

  it('converts percent to a fraction', () => {
    expect(parseField('25', SPECS.writeRatio)).toEqual({ ok: true, value: 0.25 });
    expect(parseField('101', SPECS.writeRatio)).toEqual({ ok: false, message: 'From 0 to 100 %.' });
  });

  it('refuses what the schema refuses, with a message that states the range', () => {
    expect(parseField('0', SPECS.workers)).toEqual({ ok: false, message: 'A whole number from 1 to 4,096.' });
    expect(parseField('2.5', SPECS.workers)).toMatchObject({ ok: false });
    expect(parseField('0', SPECS.positiveTime)).toEqual({ ok: false, message: 'More than 0 ms.' });
    expect(parseField('-1', SPECS.latency)).toEqual({ ok: false, message: '0 ms or more.' });
    expect(parseField('abc', SPECS.rate)).toEqual({ ok: false, message: '“abc” is not a number. More than 0 req/s.' });
    expect(parseField('', SPECS.rate)).toMatchObject({ ok: false });
  });

  it('reads an empty optional field as null', () => {
    expect(parseField('', SPECS.queueCapacity)).toEqual({ ok: true, value: null });
    expect(parseField('  ', SPECS.timeout)).toEqual({ ok: true, value: null });
    expect(formatField(null, SPECS.queueCapacity)).toBe('');
  });

  it('agrees with the schema at the edges of the workers range', () => {
    const workers = ServerNodeSchema.shape.workers;
    for (const text of ['0', '1', '4096', '4097', '3.5']) {
      const parsed = parseField(text, SPECS.workers);
      expect(parsed.ok).toBe(workers.safeParse(Number(text)).success);
    }
  });

  it('describes ranges in words', () => {
    expect(describeRange(SPECS.hopLimit)).toBe('a whole number from 1 to 64');
    expect(describeRange(SPECS.duration)).toBe('more than 0 s');
  });
});
