import { describe, expect, it } from 'vitest';
import { starterScenario } from '../scenario/starter';
import { readScenarioFile, scenarioFileName, scenarioFileText } from './file-io';

const file = (text: string, name = 'x.json') => ({ name, size: text.length, text: async () => text });

describe('scenario files', () => {
  it('round-trips a scenario through the exported text', async () => {
    const scenario = starterScenario();
    expect(await readScenarioFile(file(scenarioFileText(scenario)))).toEqual({ ok: true, scenario, warnings: [] });
  });

  it('names the file after the scenario', () => {
    expect(scenarioFileName({ name: 'Two servers behind a load balancer' })).toBe('two-servers-behind-a-load-balancer.json');
    expect(scenarioFileName({ name: '***' })).toBe('scenario.json');
  });

  it('explains a file that is not JSON', async () => {
    const result = await readScenarioFile(file('{ nope'));
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/not valid JSON/)] });
  });

  it('explains a JSON file that is not a scenario', async () => {
    const result = await readScenarioFile(file('{"version":1,"nodes":[{"id":"a","kind":"router"}],"links":[]}'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/node "a"/);
  });

  it('refuses a huge file without reading it', async () => {
    const result = await readScenarioFile({
      name: 'big.json',
      size: 50e6,
      text: () => Promise.reject(new Error('should not be read')),
    });
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/at most 10 MB/)] });
  });
});
