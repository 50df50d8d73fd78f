import { readFileSync } from 'node:fs';
import { parseScenarioJson } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';

/** A scenario file read and validated for a command, or the message to print (whose fault: the input's). */
export type LoadedScenario = { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; message: string };

/** Reads and validates the scenario at `file`, as `npm run sim` and `npm run sweep` both need. */
export function loadScenarioFile(file: string): LoadedScenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `Cannot read ${file}: ${describeReadError(error as NodeJS.ErrnoException)}` };
  }
  const result = parseScenarioJson(text);
  if (!result.ok) return { ok: false, message: `${file} is not a valid scenario:\n${result.errors.map((e) => `  - ${e}`).join('\n')}` };
  return { ok: true, scenario: result.scenario, warnings: result.warnings };
}

function describeReadError(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'no such file. Example scenarios are in scenarios/, e.g. scenarios/mm1.json';
  if (error.code === 'EISDIR') return 'it is a folder; give a .json file inside it.';
  return error.message;
}
