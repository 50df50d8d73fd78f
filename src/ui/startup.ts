import { parseScenarioJson } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { starterScenario } from '../scenario/starter';
import { codeFromHash, decodeScenario } from '../scenario/url-codec';
import type { Message } from '../store/types';

export { AUTOSAVE_KEY } from './recent-work';

export interface StartChoice {
  scenario: Scenario;
  source: 'link' | 'autosave' | 'starter';
  message?: Omit<Message, 'id'>;
}

/** Where earlier work can be found again, said after a link replaced it. */
const KEPT = 'Your previous work is kept: Recent brings it back.';

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

  const link = readSharedLink(hash, fallback.source === 'autosave');
  if (link === null) return fallback;
  if (link.scenario) return { scenario: link.scenario, source: 'link', message: link.message };
  const instead = fallback.source === 'autosave' ? 'Your last autosaved work is open instead.' : 'The starter scenario is open instead.';
  return {
    ...fallback,
    message: { ...link.message, details: [...(link.message.details ?? []), `${instead} Ask for the link again, or copy it whole.`] },
  };
}

/** A shared link read from a location hash: the scenario and what to say, or only what to say when it is broken. */
export interface SharedLink {
  scenario?: Scenario;
  message: Omit<Message, 'id'>;
}

/**
 * Reads the shared scenario in `hash`; null when the hash holds none.
 * `hadWork`: whether work was open before, so the message says where it went.
 */
export function readSharedLink(hash: string, hadWork: boolean): SharedLink | null {
  const code = codeFromHash(hash);
  if (code === null) return null;
  const shared = decodeScenario(code);
  if (!shared.ok) {
    return { message: { tone: 'error', title: 'This shared link is broken, so it was not opened.', details: shared.errors } };
  }
  const kept = hadWork ? [KEPT] : [];
  const title = `Opened the shared scenario “${shared.scenario.name}”`;
  const message: Omit<Message, 'id'> =
    shared.warnings.length > 0
      ? { tone: 'warning', title: `${title}, with warnings.`, details: [...shared.warnings, ...kept] }
      : { tone: 'success', title: `${title}.`, ...(hadWork ? { details: kept } : {}) };
  return { scenario: shared.scenario, message };
}
