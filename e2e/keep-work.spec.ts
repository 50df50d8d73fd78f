import { expect, type Page, test } from '@playwright/test';
import { Playground } from './pages/playground';

/** A share link (path and hash) to a small scenario named "Shared thing", made in a context of its own. */
let sharedPath = '';

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  const maker = new Playground(await context.newPage());
  await maker.openFresh();
  await maker.startEmpty();
  await maker.addNode('Database');
  await maker.page.getByLabel('Scenario name').fill('Shared thing');
  sharedPath = (await maker.share()).replace(/^https?:\/\/[^/]+/, '');
  await context.close();
});

const nameField = (page: Page) => page.getByLabel('Scenario name');

/** Opens the app fresh and names the work, waiting until it is autosaved. */
async function startWork(page: Page, name: string): Promise<Playground> {
  const app = new Playground(page);
  await app.openFresh();
  await nameField(page).fill(name);
  await app.waitForAutosave(name);
  return app;
}

async function openRecent(page: Page) {
  await page.getByRole('button', { name: 'Recent' }).click();
  return page.getByRole('dialog', { name: 'Recent work' });
}

test.describe('work is never lost', () => {
  test('with browser storage full, a message says so and offers the work as a file', async ({ page }) => {
    const app = await startWork(page, 'Before the disk filled');
    await page.evaluate(() => {
      const write = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (this === window.localStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        write.call(this, key, value);
      };
    });
    await nameField(page).fill('Unsaved work');
    const toast = app.toast('storage is full');
    await expect(toast).toBeVisible();
    await expect(toast).toContainText('Export it as a JSON file to keep it.');
    const download = page.waitForEvent('download');
    await toast.getByRole('button', { name: 'Export JSON' }).click();
    expect((await download).suggestedFilename()).toBe('unsaved-work.json');
  });

  test('two tabs: each knows when the other saved, and neither loses its work', async ({ page, context }) => {
    const a = await startWork(page, 'Work in tab A');
    const pageB = await context.newPage();
    const b = new Playground(pageB);
    await b.open('/');
    await expect(nameField(pageB)).toHaveValue('Work in tab A');
    await nameField(pageB).fill('Work in tab B');
    await b.waitForAutosave('Work in tab B');
    await expect(a.toast('Another tab saved “Work in tab B”')).toContainText('Recent lists both');

    await page.reload();
    await expect(nameField(page)).toHaveValue('Work in tab A');
    await pageB.reload();
    await expect(nameField(pageB)).toHaveValue('Work in tab B');
    const recent = await openRecent(page);
    await expect(recent.getByRole('button', { name: /Work in tab A.*this tab/ })).toBeVisible();
    await expect(recent.getByRole('button', { name: /Work in tab B/ })).toBeVisible();
  });

  test('opening a shared link and editing it keeps the earlier work restorable from Recent, by keyboard', async ({ page }) => {
    const app = await startWork(page, 'My own work');
    const labels = await app.nodeLabels();
    await app.open(sharedPath);
    await expect(app.toast('Opened the shared scenario “Shared thing”')).toContainText('Recent brings it back');
    await app.addNode('Cache');
    await app.waitForAutosave('cache-1');

    await page.getByRole('button', { name: 'Recent' }).focus();
    await page.keyboard.press('Enter');
    const recent = page.getByRole('dialog', { name: 'Recent work' });
    await expect(recent.getByRole('button').first()).toBeFocused();
    await expect(recent.getByRole('button', { name: /Shared thing/ })).toBeVisible();
    await recent.getByRole('button', { name: /My own work/ }).focus();
    await page.keyboard.press('Enter');
    await expect(nameField(page)).toHaveValue('My own work');
    expect(await app.nodeLabels()).toEqual(labels);
  });

  test('a link pasted into an open page opens it; Undo and Recent bring the work back', async ({ page }) => {
    const app = await startWork(page, 'My own work');
    const labels = await app.nodeLabels();
    await page.evaluate((hash) => {
      location.hash = hash;
    }, sharedPath.slice(sharedPath.indexOf('#')));
    await expect(app.toast('Opened the shared scenario “Shared thing”')).toBeVisible();
    await expect(nameField(page)).toHaveValue('Shared thing');
    expect(await app.nodeLabels()).toEqual(['Database 1']);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
    await app.undo();
    await expect(nameField(page)).toHaveValue('My own work');
    expect(await app.nodeLabels()).toEqual(labels);
    await expect((await openRecent(page)).getByRole('button', { name: /My own work/ })).toBeVisible();
  });

  test('a broken link pasted into an open page changes nothing and says why', async ({ page }) => {
    await startWork(page, 'My own work');
    await page.evaluate(() => {
      location.hash = '#s=1.eJzLSM3JyQcABiwCFQ-broken';
    });
    await expect(page.getByRole('alert').filter({ hasText: 'This shared link is broken, so it was not opened; your work is unchanged.' })).toBeVisible();
    await expect(nameField(page)).toHaveValue('My own work');
  });
});
