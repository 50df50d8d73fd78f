/**
 * Everything that keeps the user's work across tabs, links and a full
 * storage, wired to the store: autosave into the recent list, a word when
 * another tab saves, a message with an export when saving fails, and a link
 * pasted into the address bar of an open page.
 */
import type { AppStore } from '../store';
import { startAutosave, watchOtherTabs } from './autosave';
import { downloadScenario } from './file-io';
import { renewWorkId } from './recent-work';
import { readSharedLink } from './startup';

/** The tab's current piece of work; its id changes when a scenario is opened whole. */
export interface WorkSession {
  id: string;
}

/** Starts keeping work; returns a stop function that flushes a pending save. */
export function keepWork(store: AppStore, local: Storage, session: Storage | undefined, work: WorkSession, page: Window): () => void {
  const { notify } = store.getState();
  const exportWork = { label: 'Export JSON', run: () => downloadScenario(store.getState().scenario) };
  const stopAutosave = startAutosave(store, local, {
    workId: () => work.id,
    renewWorkId: () => {
      work.id = renewWorkId(session);
    },
    onFailed: (full) =>
      notify({
        tone: 'error',
        title: full ? 'Your work is not being autosaved: this browser’s storage is full.' : 'Your work is not being autosaved: this browser refuses to store it.',
        details: [
          'Export it as a JSON file to keep it.',
          full ? 'Autosave resumes by itself once there is room (clear other sites’ data in the browser’s settings).' : 'Autosave resumes by itself if storage is allowed again.',
        ],
        action: exportWork,
      }),
    onRecovered: () => notify({ tone: 'success', title: 'Autosave works again: your work is saved in this browser.' }),
  });
  const stopWatching = watchOtherTabs(page, local, () => work.id, (entry) =>
    notify({
      tone: 'info',
      title: `Another tab saved “${entry.name}”.`,
      details: ['Each tab keeps its own autosave, so neither overwrites the other: Recent lists both.'],
    }),
  );
  const onHashChange = () => openPastedLink(store, page);
  page.addEventListener('hashchange', onHashChange);
  return () => {
    page.removeEventListener('hashchange', onHashChange);
    stopWatching();
    stopAutosave();
  };
}

/**
 * A `#s=` link pasted into the address bar of an open page: opens it as a
 * new piece of work (the work before stays in Recent, and Undo brings it
 * back), or says why not and changes nothing.
 */
export function openPastedLink(store: AppStore, page: Pick<Window, 'location' | 'history'>): void {
  const link = readSharedLink(page.location.hash, true);
  if (link === null) return;
  const { notify, replaceScenario } = store.getState();
  if (link.scenario) {
    replaceScenario(link.scenario);
    notify({ ...link.message, details: [...(link.message.details ?? []), 'Undo also brings it back.'] });
  } else {
    notify({ ...link.message, title: 'This shared link is broken, so it was not opened; your work is unchanged.' });
  }
  page.history.replaceState(null, '', page.location.pathname + page.location.search);
}
