import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { Playground } from './pages/playground';

// The main screens as a projector shows them: axe-core must find nothing on any of them.
test.use({ viewport: { width: 1280, height: 720 } });

/** axe-core's violations on the page as it is now, as "rule: target" lines for a readable failure. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

test.describe('accessibility of the main screens', () => {
  test('the starter, a selected node and a link, a run with its charts, presenter mode', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    expect(await violations(page), 'the starter as it opens').toEqual([]);

    await app.select('API server 1');
    expect(await violations(page), 'a server in the inspector').toEqual([]);

    await app.selectLink('Load balancer', 'API server 1');
    expect(await violations(page), 'a link in the inspector').toEqual([]);

    await app.runButton.click();
    await expect(app.runStatus).toHaveText(/^Running/);
    await expect.poll(async () => (await app.totalsRows()).length).toBeGreaterThan(2);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(app.runStatus).toHaveText('Paused');
    expect(await violations(page), 'a paused run with its charts').toEqual([]);

    await page.getByRole('button', { name: /Presenter/ }).click();
    await expect(page.locator('.app--presenter')).toBeVisible();
    expect(await violations(page), 'presenter mode').toEqual([]);
  });

  test('the Recent and Share dialogs', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await page.getByRole('button', { name: 'Recent' }).click();
    await expect(page.getByRole('dialog', { name: 'Recent work' })).toBeVisible();
    expect(await violations(page), 'the Recent dialog').toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByLabel('Share link')).toHaveValue(/#s=/);
    expect(await violations(page), 'the Share panel').toEqual([]);
  });
});
