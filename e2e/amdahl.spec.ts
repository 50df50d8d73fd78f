import { expect, type Locator, type Page, test } from '@playwright/test';
import { Playground } from './pages/playground';

/** Amdahl's law, as the chart should show it. */
const amdahl = (s: number, n: number) => 1 / (s + (1 - s) / n);

/** Starts recording the page's main-thread long tasks before anything loads. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}

const longTasks = (page: Page) => page.evaluate(() => [...(window as unknown as { longTasks: number[] }).longTasks]);
const forgetLongTasks = (page: Page) => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));

/**
 * The selected parallel job's sweep, as a user finds it. While a sweep runs
 * the test waits on the figure's state attribute (a CSS query): polling by
 * role walks the page's accessibility tree on the main thread, which would
 * itself be the long task the test looks for.
 */
function sweepPanel(page: Page) {
  const figure = page.locator('figure.sp-field-sweep');
  return {
    figure,
    ended: (state: string, timeout = 45_000) => expect(figure).toHaveAttribute('data-sweep-state', state, { timeout }),
    done: () => figure.locator('.sp-sweep-progress').getAttribute('value'),
    // CSS locators for the buttons pressed while long tasks are counted (see above).
    sweep: figure.locator('button', { hasText: /^Sweep$/ }),
    cancel: figure.locator('button', { hasText: /^Cancel$/ }),
    steps: page.getByLabel('Sweep steps'),
    progress: page.getByLabel('Sweep progress'),
    machine: page.getByRole('status').filter({ hasText: /^This computer:/ }),
    cancelled: page.getByRole('status').filter({ hasText: /^Cancelled after/ }),
    chart: page.getByTestId('speedup-chart'),
  };
}

/** The measured points the chart drew: N and speedup. */
async function measuredPoints(chart: Locator): Promise<{ n: number; speedup: number }[]> {
  return chart.locator('circle.sp-speedup-point').evaluateAll((circles) =>
    circles.map((c) => ({ n: Number(c.getAttribute('data-n')), speedup: Number(c.getAttribute('data-speedup')) })),
  );
}

// A trace snapshots the DOM on the page's main thread at every step: the long tasks it makes are the harness's, not the page's.
test.use({ trace: 'off' });

test.describe('a teacher shows Amdahl’s law with a sweep', () => {
  test('opens the Amdahl example, sweeps N: points sit on the curve under the 1/s ceiling; a second sweep is cancelled midway and the page still works', async ({ page }) => {
    await watchLongTasks(page);
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('Amdahl: a 5 % serial part caps you at 20×');
    await app.select('Render job');
    const panel = sweepPanel(page);
    await expect(panel.chart.locator('.sp-ceiling')).toHaveAttribute('data-value', '20');

    // First sweep: N = 1…64 in 16 runs, to its end, without blocking the page.
    await forgetLongTasks(page);
    await panel.sweep.click();
    await panel.ended('done');
    expect((await longTasks(page)).filter((ms) => ms > 50)).toEqual([]);
    await expect(panel.machine).toBeVisible();
    const points = await measuredPoints(panel.chart);
    expect(points).toHaveLength(16);
    // Constant work: each measured speedup is within 3 % of Amdahl's 1/(0.05 + 0.95/N).
    for (const { n, speedup } of points) expect(Math.abs(speedup / amdahl(0.05, n) - 1)).toBeLessThan(0.03);
    await expect(panel.chart.locator('.sp-usl-fit')).toContainText('σ = 0.050');
    await expect(panel.chart.locator('.sp-machine-point')).toHaveCount(1);

    // A larger serial part lowers the ceiling as the teacher types it.
    await app.setField('Serial fraction (s)', '10');
    await app.field('Serial fraction (s)').press('Enter');
    await expect(panel.chart.locator('.sp-ceiling')).toHaveAttribute('data-value', '10');

    // Second sweep: longer runs, 64 of them; cancelled once a few are in.
    await page.getByLabel('Duration (s)').fill('1500');
    await page.getByLabel('Duration (s)').press('Enter');
    await app.select('Render job');
    await panel.steps.fill('64');
    await forgetLongTasks(page);
    await panel.sweep.click();
    await expect(panel.figure).toHaveAttribute('data-sweep-state', 'running');
    await expect.poll(async () => Number(await panel.done()), { timeout: 45_000 }).toBeGreaterThanOrEqual(2);
    expect((await longTasks(page)).filter((ms) => ms > 50)).toEqual([]);
    await panel.cancel.click();
    await panel.ended('cancelled', 10_000);
    await expect(panel.cancelled).toBeVisible();
    const kept = await measuredPoints(panel.chart);
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(kept.length).toBeLessThan(64);
    await expect(panel.sweep).toBeEnabled();

    // The page is still usable: a short sweep runs to its end on fresh workers.
    await panel.steps.fill('3');
    await page.getByLabel('Duration (s)').fill('60');
    await page.getByLabel('Duration (s)').press('Enter');
    await app.select('Render job');
    await panel.sweep.click();
    await panel.ended('done', 30_000);
    expect(await measuredPoints(panel.chart)).toHaveLength(3);
  });
});
