import { describe, expect, it } from 'vitest';
import { FAILURE_REASONS, failureReasonOf, Outcome } from './outcomes';

describe('outcome codes', () => {
  it('are distinct, and each failure reason’s code maps back to it', () => {
    const codes = Object.values(Outcome);
    expect(new Set(codes).size).toBe(codes.length);
    for (const reason of FAILURE_REASONS) expect(failureReasonOf(Outcome[reason])).toBe(reason);
  });
});
