/**
 * The page a first visit sees, rendered ahead of time: the build (scripts/prepaint-plugin.mjs) calls this on
 * the server and writes the markup into index.html, so the starter's canvas paints before the bundle has
 * been fetched and run. React replaces it on its first commit with the same picture, now live.
 */
import { starterScenario } from '../scenario/starter';
import { type PrepaintPage, renderPrepaintPage } from './render-page';

/** The starter's page as markup, and what the boot script needs to fit its canvas. */
export function renderStarterPrepaint(): PrepaintPage {
  return renderPrepaintPage(starterScenario(), false);
}
