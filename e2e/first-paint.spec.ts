import { expect, type Page, test } from '@playwright/test';
import { Playground } from './pages/playground';

/**
 * A first visit sees the starter's canvas before the app's bundle has run: index.html holds it as markup
 * (src/prepaint). A return visit sees the snapshot of her autosaved work the app stored. These hold the picture
 * to the live page, and hold that no other start (nor a stale snapshot) ever shows it.
 */

/** Keeps the app's bundle from loading, so what shows is index.html's markup alone. */
async function holdBackTheBundle(page: Page) {
  await page.route(/\/assets\/index-[^/]*\.js$/, (route) => route.abort());
}

async function cardBoxes(page: Page) {
  return page.locator('.react-flow__node').evaluateAll((cards) =>
    cards.map((card) => {
      const box = card.getBoundingClientRect();
      return { id: card.getAttribute('data-id'), name: card.querySelector('.node-card__label')?.textContent, x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width) };
    }),
  );
}

for (const viewport of [{ width: 1280, height: 720 }, { width: 1600, height: 900 }]) {
  test(`a first visit sees the starter's cards before the app runs, where the live app puts them (${viewport.width}×${viewport.height})`, async ({ browser }) => {
    const before = await browser.newPage({ viewport });
    await holdBackTheBundle(before);
    await before.goto('/');
    await expect(before.locator('.react-flow__node')).toHaveCount(5);
    await expect(before.locator('.react-flow__node').first()).toBeVisible();
    const prepainted = await cardBoxes(before);
    // Nothing can be used yet, so nothing a visitor does is lost: the picture is inert.
    await expect(before.locator('.app')).toHaveAttribute('inert', '');
    await before.close();

    const live = await browser.newPage({ viewport });
    const app = new Playground(live);
    await app.open('/');
    await expect(live.locator('.app')).not.toHaveAttribute('inert');
    expect(await cardBoxes(live)).toEqual(prepainted);
    await live.close();
  });
}

const otherStarts: [string, string, ((page: Page) => Promise<void>)?][] = [
  ['an autosave of earlier work', '/', async (page) => {
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('scale-playground:autosave:v1', '{}'));
  }],
  ['a shared link', '/#s=anything'],
  ['an embed', '/?embed=1'],
];
for (const [what, path, arrange] of otherStarts) {
  test(`nothing of the starter shows when the app will open ${what}`, async ({ page }) => {
    await arrange?.(page);
    await holdBackTheBundle(page);
    await page.goto(path);
    await expect(page.locator('#root')).toBeEmpty();
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
  });
}

const AUTOSAVE_KEY = 'scale-playground:autosave:v1';
const SNAPSHOT_KEY = 'scale-playground:prepaint:v1';

/** Moves the load balancer's card on the live canvas, and waits until the snapshot of the autosaved edit is stored. */
async function editAndWaitForSnapshot(page: Page) {
  const card = page.locator('.react-flow__node[data-id="lb-1"]');
  const box = await card.boundingBox();
  if (!box) throw new Error('no load balancer card');
  await page.mouse.move(box.x + 30, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + 90, box.y + 110, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(
    ({ autosaveKey, snapshotKey }) => {
      const autosave = localStorage.getItem(autosaveKey);
      const snapshot = JSON.parse(localStorage.getItem(snapshotKey) ?? 'null') as { scenario?: string } | null;
      return autosave !== null && !autosave.includes('"x":260,"y":140') && snapshot?.scenario === autosave;
    },
    { autosaveKey: AUTOSAVE_KEY, snapshotKey: SNAPSHOT_KEY },
  );
}

test("a returning visitor sees her own edited cards before the app runs, where the live app puts them", async ({ page }) => {
  const app = new Playground(page);
  await app.openFresh();
  const starter = await cardBoxes(page);
  await editAndWaitForSnapshot(page);

  await page.reload();
  await expect(page.locator('#root[data-prepaint]')).toHaveCount(0);
  await expect(app.nodes).toHaveCount(5);
  const live = await cardBoxes(page);
  expect(live).not.toEqual(starter);

  await holdBackTheBundle(page);
  await page.reload();
  await expect(page.locator('#root')).toHaveAttribute('data-prepaint', 'shown');
  await expect(page.locator('.app')).toHaveAttribute('inert', '');
  expect(await cardBoxes(page)).toEqual(live);
});

test('a snapshot another tab made stale shows nothing: the page starts blank', async ({ context, page }) => {
  const app = new Playground(page);
  await app.openFresh();
  await editAndWaitForSnapshot(page);

  // A new tab opens the latest autosave, which the snapshot was rendered for: shown.
  const fresh = await context.newPage();
  await holdBackTheBundle(fresh);
  await fresh.goto('/');
  await expect(fresh.locator('#root')).toHaveAttribute('data-prepaint', 'shown');
  await fresh.close();

  // Another tab saves other work: the latest autosave is no longer what the snapshot shows.
  await page.evaluate((key) => {
    const other = JSON.parse(localStorage.getItem(key) ?? '{}') as { name: string };
    localStorage.setItem(key, JSON.stringify({ ...other, name: `${other.name} (other tab)` }));
  }, AUTOSAVE_KEY);
  const next = await context.newPage();
  await holdBackTheBundle(next);
  await next.goto('/');
  await expect(next.locator('#root')).toBeEmpty();
  await expect(next.locator('#root')).not.toHaveAttribute('data-prepaint');
  await expect(next.locator('.react-flow__node')).toHaveCount(0);
});
