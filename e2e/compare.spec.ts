import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';

test.use({ viewport: { width: 1280, height: 720 } });

test.describe('A/B compare', () => {
  test('runs the scenario and a variant with the same seed and shows both and their difference', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await page.getByLabel('Duration (s)').fill('20');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare two designs (A/B)' });
    await expect(dialog.getByLabel('B: change')).toBeFocused();
    await dialog.getByLabel('B: change').selectOption({ label: 'Load balancer: least connections (A: round robin)' });
    await dialog.getByRole('button', { name: 'Run A and B' }).click();

    const table = dialog.getByRole('table', { name: 'A/B totals' });
    await expect(table).toBeVisible({ timeout: 30_000 });
    await expect(table.getByRole('columnheader')).toHaveText(['Measure', 'A', 'B', 'B − A']);
    const row = (measure: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: measure, exact: true }) });
    // Same seed, same arrivals: the clients sent the same, and the algorithms moved the latency.
    const p99 = await row('Latency p99').getByRole('cell').allTextContents();
    expect(p99[0]).toMatch(/^\d[\d,]*\.\d ms$/);
    expect(p99[1]).toMatch(/^\d[\d,]*\.\d ms$/);
    const a = Number(p99[0]?.replace(/[^\d.]/g, ''));
    const b = Number(p99[1]?.replace(/[^\d.]/g, ''));
    const sign = b > a ? '\\+' : '−';
    expect(p99[2]).toMatch(new RegExp(`^${sign}${Math.abs(b - a).toFixed(1)} ms \\(${sign}\\d+ %\\) (better|worse)$`));
    await expect(row('Failed').getByRole('cell')).toHaveText(['0', '0', 'same']);
    // Both runs drawn on each chart: A solid, B dashed.
    for (const title of ['p99 latency per window: A solid, B dashed', 'Throughput per window: A solid, B dashed']) {
      const chart = dialog.getByRole('img', { name: title });
      await expect(chart.locator('.sp-lines path')).toHaveCount(2);
      await expect(chart.locator('.sp-lines path').nth(1)).toHaveAttribute('stroke-dasharray', '5 3');
    }
    // Nothing ran on the page: the live run is untouched.
    await expect(app.runStatus).toHaveText(/^Ready/);

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Compare', exact: true })).toBeFocused();
  });

  test('offers cache-aside against write-through for a cache', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await page.getByLabel('Open an example').selectOption({ label: 'Cache-aside in front of a database (Zipf reads)' });
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare two designs (A/B)' });
    await expect(dialog.getByRole('option', { name: /: write-through \(A: cache-aside\)$/ })).toHaveCount(1);
  });
});
