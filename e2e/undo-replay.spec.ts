import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';

/*
 * A shared run is replayed, and the viewer had tried an edit of their own
 * before pressing Run. Ctrl+Z after the recording's change has shown takes
 * back the viewer's edit only: the canvas keeps what the run has.
 */
test.use({ viewport: { width: 1280, height: 720 } });

test('Ctrl+Z during a replay takes back my edit and keeps the recorded change', async ({ page }) => {
  const app = new Playground(page);
  await app.openFresh();
  // A recording: API server 1 gets 8 workers at 2 s.
  const start = JSON.parse(await app.exportScenario());
  const eight = start.nodes.map((n: { id: string }) => (n.id === 'server-1' ? { ...n, workers: 8 } : n));
  const recording = { ...start, duration: 30, changes: [{ at: 2, nodes: eight, links: start.links }] };
  await app.importScenario('recording.json', JSON.stringify(recording));
  await expect(app.node('API server 1')).toContainText('4 workers');

  // My own edit before Run: API server 2 gets 6 workers.
  await app.select('API server 2');
  await app.setField('Workers', '6');
  await app.field('Workers').press('Enter');
  await expect(app.node('API server 2')).toContainText('6 workers');

  await app.setSpeed('5× real time');
  await app.runButton.click();
  await expect(app.node('API server 1')).toContainText('8 workers'); // the replay reached its change
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(app.runStatus).toHaveText(/^Paused · replay: edit 1 of 1/);

  await app.undo();
  await expect(app.node('API server 2')).toContainText('4 workers');
  await expect(app.node('API server 1')).toContainText('8 workers');
  await page.screenshot({ path: 'test-results/undo-replay.png' });
  // The run took the undo as a live edit of the graph the canvas shows, so Export (and Share) replay it.
  await expect
    .poll(async () => {
      const file = JSON.parse(await app.exportScenario());
      const last = file.changes.at(-1);
      return last.nodes.filter((n: { id: string }) => n.id.startsWith('server-')).map((n: { workers: number }) => n.workers);
    })
    .toEqual([8, 4]);
});
