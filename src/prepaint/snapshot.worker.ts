/// <reference lib="webworker" />
/**
 * Renders prepaint snapshots off the page's thread (keep-snapshot.ts asks): the page a fresh load opens for an
 * autosaved text, with the app's own components, parsed exactly as the app's start parses it. The worker has
 * its own copy of the store, so the live page's state is never touched.
 */
import '../scenario/zod-without-eval';
import { parseScenarioJson } from '../scenario/parse';
import { renderPrepaintPage } from './render-page';
import type { SnapshotReply, SnapshotRequest } from './snapshot-protocol';

self.onmessage = (event: MessageEvent<SnapshotRequest>) => {
  const { id, scenario, presenter } = event.data;
  let reply: SnapshotReply;
  try {
    const parsed = parseScenarioJson(scenario);
    // The app opens the starter for a text it cannot parse: there is nothing of the user's to prepaint.
    reply = parsed.ok ? { id, page: renderPrepaintPage(parsed.scenario, presenter) } : { id, page: null };
  } catch (error) {
    reply = { id, page: null, error: String(error) };
  }
  self.postMessage(reply);
};
