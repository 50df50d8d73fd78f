import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../scenario/parse';
import { emptyScenario, starterScenario } from '../scenario/starter';
import { createAppStore } from '../store';
import { startNewScenario } from './new-scenario';

const example = (file: string) => {
  const parsed = parseScenarioJson(readFileSync(join(import.meta.dirname, '../../scenarios', file), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.scenario;
};

describe('New', () => {
  it('after the M/M/1 example starts an empty canvas with the default run settings, not its 3,600 s', () => {
    const mm1 = example('mm1.json');
    expect(mm1.duration).toBe(3600);
    const store = createAppStore(starterScenario());
    store.getState().replaceScenario(mm1);
    startNewScenario(store);
    const fresh = store.getState().scenario;
    expect(fresh).toEqual(emptyScenario());
    expect(fresh).toMatchObject({ nodes: [], links: [], seed: 1, duration: 60, warmup: 0, faults: [], changes: [] });
  });

  it('is one undo step: undo brings the previous scenario back whole, run settings and all', () => {
    const mm1 = example('mm1.json');
    const store = createAppStore(starterScenario());
    store.getState().replaceScenario(mm1);
    startNewScenario(store);
    store.temporal.getState().undo();
    expect(store.getState().scenario).toEqual(mm1);
  });
});
