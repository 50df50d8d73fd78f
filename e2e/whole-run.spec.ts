import { expect, type Page, test } from '@playwright/test';
import { Playground } from './pages/playground';
import { finalTotals } from './pages/totals';

/** A cell of the totals table, as a number ("79.8 %" → 79.8, "2,310 ms" → 2310). */
async function totalOf(page: Page, key: string): Promise<number> {
  const text = (await page.locator(`.sp-totals [data-total="${key}"] td`).textContent()) ?? '';
  return Number.parseFloat(text.replace(/,/g, ''));
}

test.describe('a teacher shows the M/M/1 example', () => {
  test('runs it to the end at max speed: the whole run reads 80 % busy, and the latency chart draws the theory', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    const app = new Playground(page);
    await app.openFresh();
    const menu = page.getByLabel('Open an example');
    await menu.selectOption({ label: (await menu.locator('option').filter({ hasText: /^M\/M\/1/ }).first().textContent()) ?? '' });
    await expect(app.nodes).toHaveCount(2);

    await page.getByLabel('Speed').selectOption({ label: 'max (as fast as possible)' });
    await page.getByRole('button', { name: /^(Run|Resume|Run again)$/ }).click();
    // While it runs, the whole-run figures are there, labelled as such, beside the window's.
    const section = page.locator('.sp-totals [data-total="section-run"] th');
    await expect(section).toHaveText('Whole run, after warm-up', { timeout: 30_000 });
    await expect(page.locator('.sp-totals [data-total="section-window"] th')).toHaveText('Last 5 s (window)');

    await finalTotals(page);
    const busy = page.locator('.sp-totals [data-total="utilization-1"]');
    await expect(busy.locator('th')).toHaveText('Busy: Server');
    await expect(busy.locator('th')).toHaveAttribute('title', /theory 80\.0 % \(M\/M\/1\)/);
    const utilization = await totalOf(page, 'utilization-1');
    expect(utilization).toBeGreaterThan(77);
    expect(utilization).toBeLessThan(83);
    // 1/(μ − λ) = 0.5 s mean; the p99 of an exponential response time is ln(100) × 0.5 s ≈ 2,303 ms.
    const p99 = await totalOf(page, 'p99');
    expect(Math.abs(p99 - 2303) / 2303).toBeLessThan(0.15);

    const latencyChart = page.getByRole('img', { name: 'Latency percentiles' });
    await expect(latencyChart.locator('.sp-legend text')).toContainText(['p50', 'p95', 'p99', 'theory']);
    await expect(latencyChart.locator('.sp-lines path[stroke-dasharray="6 4"]')).toHaveCount(3);
    const utilizationChart = page.getByRole('img', { name: 'Utilization per node' });
    await expect(utilizationChart.locator('.sp-legend text')).toContainText(['Server', 'theory']);
    await page.screenshot({ path: test.info().outputPath('mm1-finished-1280x720.png') });
  });
});
