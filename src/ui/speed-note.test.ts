import { describe, expect, it } from 'vitest';
import { speedNote } from './speed-note';

describe('the run speed note', () => {
  it('says how fast max speed is, and when the machine falls behind a set speed', () => {
    expect(speedNote(Number.POSITIVE_INFINITY, 340)).toBe(' (≈340×)');
    expect(speedNote(10, 4.5)).toBe(' (this machine manages 4.5×)');
    expect(speedNote(10, 9.5)).toBe('');
    expect(speedNote(Number.POSITIVE_INFINITY, 0)).toBe('');
  });

  it('writes a crawl as simulated time per second rather than a frozen "0×"', () => {
    expect(speedNote(Number.POSITIVE_INFINITY, 1.2e-300)).toBe(' (simulated time barely moves: 1.2e-300 s a second)');
    expect(speedNote(Number.POSITIVE_INFINITY, 0.0042)).toBe(' (simulated time barely moves: 4.2 ms a second)');
    expect(speedNote(1, 3.6e-5)).toBe(' (simulated time barely moves: 36 µs a second)');
  });
});
