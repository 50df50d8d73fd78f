import { useState } from 'react';
import { parseScenarioJson } from '../scenario/parse';
import { useAppStore } from '../store';
import { RECENT_LIMIT, type RecentEntry, readRecent, safeStorage, WORK_ID_KEY } from './recent-work';
import { ToolbarPopover } from './ToolbarPopover';
import './recent-work.css';

/** "just now", "4 min ago", "2 h ago", else the date. */
export function savedWhen(savedAt: number, now: number): string {
  const minutes = Math.floor((now - savedAt) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return new Date(savedAt).toLocaleDateString();
}

/** The toolbar's Recent button: the last autosaved scenarios of every tab, any of which opens again (Undo goes back). */
export function RecentWork() {
  const [entries, setEntries] = useState<RecentEntry[] | null>(null);
  const open = entries !== null;

  const restore = (entry: RecentEntry) => {
    const { replaceScenario, notify } = useAppStore.getState();
    const result = parseScenarioJson(entry.scenario);
    setEntries(null);
    if (!result.ok) {
      notify({ tone: 'error', title: `“${entry.name}” could not be opened; your work is unchanged.`, details: result.errors });
      return;
    }
    replaceScenario(result.scenario);
    notify({ tone: 'success', title: `Opened “${entry.name}”, saved ${savedWhen(entry.savedAt, Date.now())}. Undo returns to what was open.` });
  };

  const thisTab = open ? safeStorage('sessionStorage')?.getItem(WORK_ID_KEY) : null;
  return (
    <ToolbarPopover
      label="Recent"
      title="Autosaved work in this browser, from every tab"
      heading="Recent work"
      open={open}
      onOpen={() => setEntries(readRecent(safeStorage('localStorage')))}
      onClose={() => setEntries(null)}
      className="recent-work"
    >
      <p className="recent-work__note">
        Autosaved in this browser. Each tab, and each link or file you open, keeps its own entry, so none overwrites another; the last{' '}
        {RECENT_LIMIT} are kept.
      </p>
      {entries === null || entries.length === 0 ? (
        <p className="recent-work__note">Nothing saved yet: your work is saved here as you edit.</p>
      ) : (
        <ul>
          {entries.map((entry) => (
            <li key={entry.id}>
              <button type="button" className="button recent-work__item" onClick={() => restore(entry)}>
                <span className="recent-work__name">{entry.name || 'Untitled'}</span>
                <span className="recent-work__when">
                  {entry.id === thisTab ? 'this tab · ' : ''}
                  {savedWhen(entry.savedAt, Date.now())}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </ToolbarPopover>
  );
}
