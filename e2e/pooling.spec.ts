import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';
import { finalTotals } from './pages/totals';

/** The totals' value in the row labelled `label` (e.g. "Latency p50"), as a number. */
async function total(page: import('@playwright/test').Page, label: string): Promise<number> {
  const row = page.getByRole('table', { name: 'Totals' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  return Number.parseFloat(((await row.getByRole('cell').textContent()) ?? '').replace(/,/g, ''));
}

test.describe('a teacher shows what a connection pool buys', () => {
  test('runs the example without a pool, sets a pool on the app → Postgres link, and the refusals and the handshake go', async ({ page }) => {
    test.setTimeout(150_000);
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('Connection pooling 1: a new connection per query');
    await expect(app.nodes).toHaveCount(3);
    await app.setSpeed('max (as fast as possible)');
    await app.runButton.click();
    await finalTotals(page);

    // Without a pool Postgres sits at its 100 connections and refuses the rest.
    const postgres = app.node('Postgres');
    await expect(postgres.getByText(/^conns \d+\/100$/)).toBeVisible();
    await expect(postgres.getByText(/^\d+(\.\d)?k refused$/)).toBeVisible();
    const slowP50 = await total(page, 'Latency p50');

    // The link inspector: a pool per caller, refusing a pool of 0 with the field's range.
    await app.selectLink('App', 'Postgres');
    await expect(app.inspector.getByRole('region', { name: 'Connection' })).toBeVisible();
    await expect(app.inspector.getByText('= 20 ms.')).toBeVisible();
    await app.inspector.getByLabel('Connections', { exact: true }).selectOption({ label: 'A pool per caller' });
    await app.setField('Pool size', '0');
    await expect(app.inspector.getByRole('alert')).toHaveText('A whole number from 1 to 100,000.');
    await app.setField('Pool size', '12');
    await expect(app.inspector.getByRole('alert')).toHaveCount(0);

    await app.runButton.click();
    await finalTotals(page);
    // 8 instances × 12 connections stay under 100: nothing refused, and the 20 ms handshake is gone.
    await expect(postgres.getByText('0 refused')).toBeVisible();
    // The link inspector tells what the pools did.
    await expect(page.getByTestId('link-connection-figures')).toContainText('(pools of 12 in 8 instances)');
    await expect(page.getByTestId('link-connection-figures')).toContainText('0 refused.');
    const pooledP50 = await total(page, 'Latency p50');
    expect(slowP50 - pooledP50).toBeGreaterThan(15);
  });

  test('the pooler example shows its server connections in use on its card and over time', async ({ page }) => {
    test.setTimeout(120_000);
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('Connection pooling 3: a pooler for many app instances');
    await app.setSpeed('max (as fast as possible)');
    await app.runButton.click();
    await finalTotals(page);
    const pooler = app.node('PgBouncer');
    await expect(pooler.getByText(/^\d+\/80 server conns$/)).toBeVisible();
    await expect(pooler.getByText(/^\d+ clients$/)).toBeVisible();
    await app.select('PgBouncer');
    await expect(app.field('Server connections')).toHaveValue('80');
    const chart = page.getByTestId('pooler-connections');
    await expect(chart).toHaveAttribute('data-max-busy', /\d/);
    const busiest = Number(await chart.getAttribute('data-max-busy'));
    expect(busiest).toBeGreaterThan(40);
    expect(busiest).toBeLessThanOrEqual(80);
    await expect(page.getByTestId('pooler-wait')).toBeVisible();
  });
});
