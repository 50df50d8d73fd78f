import { describe, expect, it } from 'vitest';
import { progressLine } from './progress';

describe('the progress line', () => {
  it('says how far the run is, how long it took and how many events it ran', () => {
    expect(progressLine(246, 600, 3210, 12_345_678, 0)).toBe('41% of 600 s simulated, 3.2 s so far, 12,345,678 events');
  });

  it('shows a crawl as a tiny share rather than a frozen 0%, and the engine limit when it fails requests', () => {
    expect(progressLine(3e-302, 60, 900, 1_000_000, 787_008)).toBe(
      '5.0e-302% of 60 s simulated, 0.9 s so far, 1,000,000 events · engine limit: 787,008 requests failed',
    );
  });
});
