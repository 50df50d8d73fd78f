import { parseScenarioJson } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { starterScenario } from '../scenario/starter';
import { codeFromHash, decodeScenario } from '../scenario/url-codec';
import type { Message } from '../store/types';

/** localStorage key of the autosaved scenario. */
export const AUTOSAVE_KEY = 'scale-playground:autosave:v1';

export interface StartChoice {
  scenario: Scenario;
  source: 'link' | 'autosave' | 'starter';
  message?: Omit<Message, 'id'>;
}

/**
 * Picks what the page opens: a shared link if it decodes; otherwise the last
 * autosave; otherwise the starter. A broken link says so and never leaves
 * the page blank.
 */
export function chooseStartScenario(hash: string, autosaved: string | null): StartChoice {
  const saved = autosaved === null ? null : parseScenarioJson(autosaved);
  const fallback: StartChoice = saved?.ok
    ? { scenario: saved.scenario, source: 'autosave' }
    : { scenario: starterScenario(), source: 'starter' };

  const code = codeFromHash(hash);
  if (code === null) return fallback;
  const shared = decodeScenario(code);
  if (shared.ok) {
    const message: StartChoice['message'] =
      shared.warnings.length > 0
        ? { tone: 'warning', title: `Opened the shared scenario “${shared.scenario.name}”, with warnings.`, details: shared.warnings }
        : { tone: 'success', title: `Opened the shared scenario “${shared.scenario.name}”.` };
    return { scenario: shared.scenario, source: 'link', message };
  }
  const instead = fallback.source === 'autosave' ? 'Your last autosaved work is open instead.' : 'The starter scenario is open instead.';
  return {
    ...fallback,
    message: {
      tone: 'error',
      title: 'This shared link is broken, so it was not opened.',
      details: [...shared.errors, `${instead} Ask for the link again, or copy it whole.`],
    },
  };
}

/** Reads the autosave; null when storage is unavailable (private mode, blocked cookies). */
export function readAutosave(storage: Pick<Storage, 'getItem'> | undefined): string | null {
  try {
    return storage?.getItem(AUTOSAVE_KEY) ?? null;
  } catch {
    return null;
  }
}
