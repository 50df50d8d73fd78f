import { expect, type Page, test } from '@playwright/test';
import { Playground } from './pages/playground';
import { finalTotals } from './pages/totals';

test.use({ viewport: { width: 1280, height: 720 } });

/** Runs the scenario as fast as the machine allows, to its end. */
async function runToEnd(app: Playground, page: Page): Promise<void> {
  await app.setSpeed('max (as fast as possible)');
  await app.runButton.click();
  await finalTotals(page);
}

/** The badge a card shows for its saturated resource ("Disk saturated", "memory: paging"). */
function badge(app: Playground, label: string) {
  return app.node(label).locator('.node-card__badge');
}

test.describe('a teacher finds which resource is the bottleneck', () => {
  test('the card badges the disk; a faster disk moves the bottleneck to the CPU; a bad value is refused in place', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('Which resource is the bottleneck?');
    await expect(app.node('App server').getByTestId('resource-row')).toContainText('disk –');

    await runToEnd(app, page);
    await expect(badge(app, 'App server')).toHaveText('Disk saturated');
    await expect(app.node('App server').locator('.node-card__resource.is-saturated')).toHaveText('disk 100%');

    // The selected server reads its resources with the operational laws.
    await app.select('App server');
    const laws = page.getByRole('figure').filter({ hasText: 'App server: operational laws' });
    await expect(laws.getByRole('row', { name: /Disk bottleneck/ })).toBeVisible();
    await expect(laws.getByText('X ≤ 1 / D_disk = 200.0/s')).toBeVisible();
    // At the end of the run the measured V · S = D sits beside the configured D.
    await expect(laws.getByRole('row', { name: /Disk bottleneck/ })).toContainText('2.00 · 2.50 = 5.00');

    // The usual fix: a faster disk.
    await app.openSection('Resources');
    await app.setField('Disk IOPS', '4000');
    await expect(laws.getByRole('row', { name: /CPU ×4 bottleneck/ })).toBeVisible();
    await app.runButton.click();
    await finalTotals(page);
    await expect(badge(app, 'App server')).toHaveText('CPU saturated');

    // Zero cores is refused beside the field, and the run keeps the last good value.
    await app.setField('Cores', '0');
    await expect(app.inspector.getByRole('alert')).toHaveText('A whole number from 1 to 256.');
    await expect(app.node('App server')).toBeVisible();
  });

  test('a users sweep draws measured throughput under the asymptotic bounds, and Cancel stops a second one', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('Asymptotic bounds for a closed system');
    await app.select('App server');
    const laws = page.getByRole('figure').filter({ hasText: 'App server: operational laws' });
    await expect(laws.getByText('X ≤ 1 / D_disk = 40.0/s · N* ≈ 42 users')).toBeVisible();

    await laws.getByRole('button', { name: 'Sweep users' }).click();
    await expect(laws.getByRole('button', { name: 'Sweep users' })).toBeEnabled({ timeout: 45_000 });
    const points = page.getByTestId('bounds-chart').locator('.sp-bound-points circle');
    await expect(points).toHaveCount(9);
    // Every point sits under both bounds: its tooltip says measured and bound.
    for (const title of await points.locator('title').allTextContents()) {
      const [, measured, bound] = /: ([\d.]+) req\/s measured, bound ([\d.]+)/.exec(title) ?? [];
      expect(Number(measured)).toBeLessThanOrEqual(Number(bound) * 1.02);
    }

    await laws.getByRole('button', { name: 'Sweep users' }).click();
    await laws.getByRole('button', { name: 'Cancel users sweep' }).click();
    await expect(laws.getByRole('status')).toHaveText(/^Cancelled after \d+ of 9 runs\.$/);
    await expect(laws.getByRole('button', { name: 'Sweep users' })).toBeEnabled();
  });
});
