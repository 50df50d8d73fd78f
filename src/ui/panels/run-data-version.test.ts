import { describe, expect, it } from 'vitest';
import { emptyScenario } from '../../scenario/starter';
import { useAppStore } from '../../store';
import { runDataVersion, selectRunData } from './ChartsPanel';

describe('the run charts before any run', () => {
  it('redraw when a new scenario changes the duration their time axis ends at (New after a 180 s example: 60 s)', () => {
    const idle = { ...useAppStore.getState(), runScenario: null };
    const example = { ...idle, scenario: { ...emptyScenario(), duration: 180 } };
    const fresh = { ...idle, scenario: emptyScenario() };
    const before = runDataVersion(example);
    expect(runDataVersion(example)).toBe(before);
    expect(runDataVersion(fresh)).not.toBe(before);
    expect(selectRunData(fresh).duration).toBe(60);
  });
});
