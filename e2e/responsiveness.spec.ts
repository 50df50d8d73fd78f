import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';

// Recording a trace (a screenshot of every frame, DOM snapshots) loads the same two cores the page
// runs on and stretches its tasks: the page's main thread is measured without the recorder.
test.use({ trace: 'off' });

test.describe('the page under load', () => {
  // Long tasks are wall-clock time: on a 2-core machine shared with other work, the scheduler can
  // stall the page's main thread mid-task with no more work on the page (tasks of a few ms of script
  // have been seen stretched past 100 ms while other processes held both cores). A real regression
  // fails every attempt; a neighbour's burst does not.
  test.describe.configure({ retries: 2 });

  test('stays responsive at full speed with thousands of particles: no main-thread task over 50 ms', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    // Long enough that the run is still going when the measurement ends.
    await page.getByLabel('Duration (s)').fill('100000');
    await page.getByLabel('Speed').selectOption({ label: 'max (as fast as possible)' });
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByTestId('particle-sampling')).toBeVisible();
    await expect.poll(async () => Number(await page.getByTestId('particle-overlay').getAttribute('data-particles'))).toBeGreaterThan(1000);
    // Measure a steady stretch of the run, after start-up work (first chart layouts, node cards growing their live rows) is done.
    await page.evaluate(() => {
      (window as unknown as { longTasks: number[] }).longTasks.length = 0;
    });
    await page.waitForTimeout(4000);
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(longTasks.filter((ms) => ms > 50)).toEqual([]);
  });
});
