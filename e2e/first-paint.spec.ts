import { expect, type Page, test } from '@playwright/test';
import { Playground } from './pages/playground';

/**
 * A first visit sees the starter's canvas before the app's bundle has run: index.html holds it as markup
 * (src/prepaint). These hold the picture to the live page, and hold that no other start ever shows it.
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
