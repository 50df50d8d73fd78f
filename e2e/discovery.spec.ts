import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { Playground } from './pages/playground';
import { finalTotals } from './pages/totals';

/** Where the walk-through leaves its screenshots when DISCOVERY_SHOTS names a folder (for a person to look at; nothing is compared). */
const SHOTS = process.env.DISCOVERY_SHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test.describe('a teacher shows service discovery under a scale-in', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('client-side and DNS copies send stale calls after the scale-in; server-side sends none', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('Service discovery under a scale-in: client-side, DNS, server-side');
    await expect(app.node('Client-side')).toContainText('client-side · TTL 30 s');
    await expect(app.node('DNS')).toContainText('DNS · TTL 60 s');
    await expect(app.node('DNS')).toContainText('– of 8 copies stale');
    await expect(app.node('Server-side')).toContainText('server-side · look-up 2 ms');
    await shot(page, 'before');

    await app.setSpeed('max (as fast as possible)');
    await app.runButton.click();
    await finalTotals(page);
    // The totals name the failures: 736 client-side and 1,546 DNS calls went to instances that had left.
    await expect(page.locator('.sp-totals')).toContainText(/stale endpoint/);
    await expect(page.locator('.sp-totals')).toContainText('2,282');
    // Each card says how many instances are listed now and what its copies sent to the ones that left.
    await expect(app.node('Client-side')).toContainText('2 registered');
    await expect(app.node('Client-side')).toContainText('736 stale calls');
    await expect(app.node('DNS')).toContainText('1,546 stale calls');
    await expect(app.node('Server-side')).toContainText('0 stale calls');
    await expect(app.node('Server-side')).toContainText('live list, no copies');

    // Selecting a registry shows its list against each copy, and the stale calls over time.
    await app.select('DNS');
    await expect(page.getByRole('img', { name: 'DNS: list vs resolvers' })).toContainText('Registered now');
    const stale = page.getByRole('img', { name: 'DNS: stale calls over time' });
    await expect(stale).toHaveAttribute('data-stale-calls', '1546');
    expect(await app.chartLegend('DNS: stale calls over time')).toEqual(['stale calls', 'all calls']);
    // Close the toast so the screenshot shows the views whole.
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await shot(page, 'after-dns');
    // The registry's cards, inspector and views pass axe-core, as the main screens do (accessibility.spec.ts).
    // Scoped to them: the example's long write-up panel is a scrollable region of its own, outside this work.
    const axe = await new AxeBuilder({ page }).include('.react-flow__nodes').include('.sp-selected').include('aside[aria-label="Inspector"]').exclude('.writeup__text').analyze();
    expect(axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
    await app.select('Client-side');
    await shot(page, 'after-client');
  });

  test('a user adds a registry between a client and a server; a negative TTL is refused and the last good value kept', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.startEmpty();
    const users = await app.addNode('Client', { x: 150, y: 200 });
    const finder = await app.addNode('Service registry', { x: 450, y: 200 });
    const api = await app.addNode('Server', { x: 750, y: 200 });
    await app.connect(users, finder);
    await app.connect(finder, api);
    await expect(page.locator('.react-flow__edge')).toHaveCount(2);

    await app.select(finder);
    await expect(app.field('Discovery')).toHaveValue('clientSide');
    await app.setField('TTL', '-5');
    await expect(app.inspector.getByRole('alert')).toContainText('0 s or more');
    await expect(app.node(finder)).toContainText('client-side · TTL 30 s');
    await app.setField('TTL', '5');
    await expect(app.node(finder)).toContainText('client-side · TTL 5 s');
    await app.field('Discovery').selectOption('dns');
    await expect(app.node(finder)).toContainText('– of 4 copies stale');
    await shot(page, 'added');
  });
});
