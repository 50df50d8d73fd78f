import { expect, type Page, test } from '@playwright/test';
import { Playground } from './pages/playground';
import { finalTotals } from './pages/totals';

/** The run controls, as a user finds them. */
function controls(page: Page) {
  return {
    run: page.getByRole('button', { name: /^(Run|Resume|Run again)$/ }),
    pause: page.getByRole('button', { name: 'Pause' }),
    status: page.getByRole('status').filter({ hasText: /^(Ready|Running|Paused|Finished)/ }),
    speed: page.getByLabel('Speed'),
    duration: page.getByLabel('Duration (s)'),
    seed: page.getByLabel('Seed'),
  };
}

/** A figure from the totals table, e.g. "completed" → 1416. */
async function total(page: Page, key: string): Promise<number> {
  const text = await page.locator(`.sp-totals [data-total="${key}"] td`).textContent();
  return Number.parseFloat((text ?? '').replace(/,/g, ''));
}

/** The particle canvas as an image, to see whether anything moved. */
function overlayPixels(page: Page): Promise<string> {
  return page.getByTestId('particle-overlay').evaluate((canvas) => (canvas as HTMLCanvasElement).toDataURL());
}

/** Runs to the end and returns the totals table's figures, in row order. */
async function runToEnd(page: Page): Promise<string[]> {
  const c = controls(page);
  await c.run.click();
  return finalTotals(page);
}

test.describe('a new user runs the system', () => {
  test('presses Run and sees requests move and complete', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    const c = controls(page);
    await expect(c.status).toHaveText('Ready');
    const blank = await overlayPixels(page);

    await c.run.click();
    await expect(c.status).toHaveText(/^Running at 1×/);
    await expect.poll(() => total(page, 'completed')).toBeGreaterThan(0);
    const first = await overlayPixels(page);
    await page.waitForTimeout(300);
    const second = await overlayPixels(page);
    expect(first).not.toBe(blank);
    expect(second).not.toBe(first);

    await expect.poll(() => total(page, 'throughput'), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect(page.getByTestId('sim-time')).toHaveText(/^[1-9]\d*\.\d s \/ 60 s$/);

    await c.pause.click();
    await expect(c.status).toHaveText('Paused');
    const pausedAt = (await page.getByTestId('sim-time').textContent()) ?? '';
    await page.waitForTimeout(400);
    await expect(page.getByTestId('sim-time')).toHaveText(pausedAt);

    await page.getByRole('button', { name: 'Step +1 s' }).click();
    const stepped = Number.parseFloat(pausedAt) + 1;
    await expect(page.getByTestId('sim-time')).toHaveText(new RegExp(`^${Math.floor(stepped)}\\.0 s`));

    // An edit to the system applies to the run at once; a run setting waits for Reset, and the controls say so.
    await app.select('API server 1');
    await app.setField('Workers', '6');
    await expect(c.status).toHaveText('Paused');
    await page.getByRole('spinbutton', { name: 'Duration' }).fill('90');
    await page.getByRole('spinbutton', { name: 'Duration' }).press('Enter');
    await expect(c.status).toHaveText('Paused · seed and duration apply after Reset');

    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(page.getByTestId('sim-time')).toHaveText('0.0 s / 90 s');
    await expect(c.status).toHaveText('Ready');
  });

  test('raises a server’s worker count and sees its utilization fall', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    const c = controls(page);
    await c.duration.fill('20');
    await c.speed.selectOption({ label: 'max (as fast as possible)' });
    const busy = async () => Number.parseInt((await app.node('API server 1').getByText(/% busy$/).textContent()) ?? '', 10);

    await runToEnd(page);
    const before = await busy();
    expect(before).toBeGreaterThan(10);

    await app.select('API server 1');
    await app.setField('Workers', '16');
    await expect(app.node('API server 1')).toContainText('16 workers');
    await runToEnd(page);
    await expect.poll(busy).toBeLessThan(before / 2);
  });

  test('gets the same totals from the same seed and duration', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    const c = controls(page);
    await c.duration.fill('15');
    await c.seed.fill('7');
    await c.speed.selectOption({ label: 'max (as fast as possible)' });
    const first = await runToEnd(page);
    expect(await total(page, 'completed')).toBeGreaterThan(0);
    const second = await runToEnd(page);
    expect(second).toEqual(first);

    await c.seed.fill('8');
    const other = await runToEnd(page);
    expect(other).not.toEqual(first);
  });

  test('is told why nothing runs when the simulation worker cannot load, and keeps the work', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    // A page left open across a deploy asks for a worker script that is gone.
    await page.context().route(/sim\.worker[^/]*\.js/, (route) => route.fulfill({ status: 404, body: 'gone' }));
    const c = controls(page);
    await c.run.click();
    await expect(page.getByText(/The simulation worker stopped\. Your scenario is unchanged: press Restart.* reload the page/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Restart' })).toBeVisible();
    await expect(c.status).toHaveText('Ready');
    expect(await app.nodeLabels()).toContain('API server 1');
  });
});
