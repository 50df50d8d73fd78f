import { expect, type Page, test } from '@playwright/test';
import { Playground } from './pages/playground';
import { finalTotals } from './pages/totals';

/** Runs the open scenario to its end at full speed and returns the totals table, row by row. */
async function totalsAfterRun(page: Page): Promise<string[]> {
  await page.getByLabel('Speed').selectOption({ label: 'max (as fast as possible)' });
  await page.getByRole('button', { name: /^Run/ }).click();
  await finalTotals(page);
  return page.getByRole('table', { name: 'Totals' }).getByRole('row').allTextContents();
}

test.describe('sharing and keeping work', () => {
  test('a shared link opens exactly the same scenario in a new page', async ({ page, context }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.select('API server 1');
    await app.setField('Workers', '8');
    await page.getByLabel('Scenario name').fill('Shared web tier');
    const url = await app.share();
    const original = JSON.parse(await app.exportScenario());

    const other = new Playground(await context.newPage());
    await other.open(url.replace(/^https?:\/\/[^/]+/, ''));
    await expect(other.toast('Opened the shared scenario “Shared web tier”')).toBeVisible();
    expect(await other.nodeLabels()).toEqual(await app.nodeLabels());
    await expect(other.node('API server 1')).toContainText('8 workers');
    expect(JSON.parse(await other.exportScenario())).toEqual(original);
  });

  test('a shared link gives the same totals after the same duration and seed', async ({ page, context }) => {
    const app = new Playground(page);
    await app.openFresh();
    await page.getByLabel('Duration (s)').fill('10');
    await page.getByLabel('Seed').fill('42');
    const url = await app.share();
    const here = await totalsAfterRun(page);
    expect(here.join(' ')).toMatch(/Completed\s*[1-9]/);

    const other = await context.newPage();
    await new Playground(other).open(url.replace(/^https?:\/\/[^/]+/, ''));
    await expect(other.getByLabel('Seed')).toHaveValue('42');
    expect(await totalsAfterRun(other)).toEqual(here);
  });

  test('a corrupted link shows a clear message and opens the previous work instead', async ({ page, context }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.select('API server 2');
    await app.setField('Name', 'My own server');
    await app.waitForAutosave('My own server');
    const url = await app.share();
    const code = url.slice(url.indexOf('#s=') + 3);
    const corrupted = `${code.slice(0, 40)}QQQQ${code.slice(44)}`;

    const other = new Playground(await context.newPage());
    await other.open(`/#s=${corrupted}`);
    await expect(other.page.getByRole('alert').filter({ hasText: 'This shared link is broken' })).toContainText(
      'Your last autosaved work is open instead.',
    );
    expect(await other.nodeLabels()).toEqual(['Users', 'Load balancer', 'API server 1', 'My own server', 'Database']);
  });

  test('a reload keeps the work', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.startEmpty();
    await app.addNode('Database');
    await app.waitForAutosave('database-1');
    await page.reload();
    expect(await app.nodeLabels()).toEqual(['Database 1']);
  });
});
