import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';
import { finalTotals } from './pages/totals';

test.describe('a teacher shows what read replicas cost', () => {
  test('runs the read-replica example, reads the stale share on the card and in the view, then takes the replicas away', async ({ page }) => {
    test.setTimeout(120_000);
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('Read replicas: more reads served, some of them stale');
    await expect(app.nodes).toHaveCount(3);

    // The inspector shows the database's shards and replicas, and refuses a replica count past the schema's.
    await app.select('Database');
    await app.openSection('Shards and replicas');
    await expect(app.field('Read replicas')).toHaveValue('2');
    await expect(app.field('Shards')).toHaveValue('1');
    await app.setField('Read replicas', '20');
    await expect(app.inspector.getByRole('alert')).toHaveText('A whole number from 0 to 16.');
    await app.setField('Read replicas', '2');
    await expect(app.inspector.getByRole('alert')).toHaveCount(0);

    await app.setSpeed('max (as fast as possible)');
    await app.runButton.click();
    await finalTotals(page);

    // About 11% of replica reads are stale (w·m/(1 + w·m) = 0.111): the card says so, as does the selected view.
    const card = app.node('Database');
    await expect.poll(async () => Number.parseFloat((await card.getByText(/^stale /).textContent())?.replace('stale ', '') ?? '')).toBeGreaterThan(9);
    const stale = Number.parseFloat((await card.getByText(/^stale /).textContent())?.replace('stale ', '') ?? '');
    expect(stale).toBeLessThan(13);
    const view = page.getByTestId('database-view');
    await expect(view).toContainText('Stale reads (replication lag)');
    await expect(view).toContainText(/Primary \d+(\.\d)? % busy/);

    // Without replicas the primary takes every read: it saturates.
    await app.setField('Read replicas', '0');
    await app.runButton.click();
    await finalTotals(page);
    await expect.poll(() => app.busy('Database')).toBeGreaterThan(95);
    await expect(card.getByText(/^stale /)).toHaveCount(0);
  });
});
