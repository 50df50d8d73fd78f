import { type ParseResult, parseScenarioJson } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';

/** Files larger than this are refused before reading: no real scenario comes close. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A file name from the scenario's name: "Two servers" → "two-servers.json". */
export function scenarioFileName(scenario: Pick<Scenario, 'name'>): string {
  const slug = scenario.name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'scenario'}.json`;
}

/** The scenario as a JSON file, in the format the headless runner reads. */
export function scenarioFileText(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

/** Starts a download of the scenario as JSON. */
export function downloadScenario(scenario: Scenario): void {
  const blob = new Blob([scenarioFileText(scenario)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = scenarioFileName(scenario);
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a chosen file as a scenario; the result carries readable errors instead of throwing. */
export async function readScenarioFile(file: Pick<File, 'size' | 'text' | 'name'>): Promise<ParseResult> {
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, errors: [`“${file.name}” is ${(file.size / 1e6).toFixed(1)} MB; a scenario file is at most 10 MB.`] };
  }
  try {
    return parseScenarioJson(await file.text());
  } catch (error) {
    return { ok: false, errors: [`“${file.name}” could not be read: ${(error as Error).message}`] };
  }
}
