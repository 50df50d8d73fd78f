import { expect, type Page, test } from '@playwright/test';
import { Playground } from './pages/playground';

// A projector: what a teacher in front of a room gets.
test.use({ viewport: { width: 1280, height: 720 } });

async function openExample(page: Page, file: string): Promise<void> {
  await page.getByLabel('Open an example').selectOption(file);
  await expect(page.locator('.toast').filter({ hasText: 'Opened the example' })).toBeVisible();
}

/** Elements that scroll sideways (a page, a panel) right now: class names, for the failure message. */
function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [document.scrollingElement, ...document.querySelectorAll('*')]
      .filter((e): e is Element => e !== null)
      .filter((e) => {
        const overflow = getComputedStyle(e).overflowX;
        const scrolls = e === document.scrollingElement || overflow === 'auto' || overflow === 'scroll';
        return scrolls && e.scrollWidth > e.clientWidth + 1;
      })
      .map((e) => e.className.toString() || e.tagName),
  );
}

/** The smallest text on any node card, in screen pixels (font size times the canvas zoom). */
function smallestCardText(page: Page): Promise<number> {
  return page.evaluate(() => {
    const transform = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
    const zoom = Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? 1);
    let smallest = Number.POSITIVE_INFINITY;
    for (const element of document.querySelectorAll<HTMLElement>('.node-card *')) {
      const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!ownText || element.offsetParent === null) continue;
      smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(element).fontSize) * zoom);
    }
    return smallest;
  });
}

/** Things drawn in the canvas's box (keys, zoom buttons, toasts) that overlap the visible part of a node card. */
function coveringCards(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
    // A card that does not fit is cut at the flow pane's edge: only what shows can be covered.
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cards = [...document.querySelectorAll('.react-flow__node')].map((n) => {
      const c = n.getBoundingClientRect();
      return { left: Math.max(c.left, pane.left), right: Math.min(c.right, pane.right), top: Math.max(c.top, pane.top), bottom: Math.min(c.bottom, pane.bottom) };
    });
    const found: string[] = [];
    for (const e of document.querySelectorAll('.toast, .react-flow__controls, .react-flow__minimap, .sp-particles-legend, .health-legend')) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.bottom < canvas.top || r.top > canvas.bottom || r.right < canvas.left || r.left > canvas.right) continue;
      if (cards.some((c) => r.left < c.right && c.left < r.right && r.top < c.bottom && c.top < r.bottom)) found.push(e.className.toString());
    }
    return found;
  });
}

test.describe('a teacher on a 1280×720 projector', () => {
  test('presenter mode hides the side panels, reads from the back of the room, and leaves with Esc', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await openExample(page, 'web-tier');
    const toggle = page.getByRole('button', { name: 'Presenter' });
    await expect(toggle).toHaveAttribute('title', /\(P\)/);

    await page.keyboard.press('p');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(app.inspector).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Components' })).toBeHidden();
    // The canvas fits again at the larger size (an animation): wait until the type settles at its readable size.
    await expect.poll(() => smallestCardText(page)).toBeGreaterThanOrEqual(14);
    await page.getByRole('button', { name: /^(Run|Resume)$/ }).click();
    await expect(app.node('App server 1').getByText(/\d+ % busy/)).toBeVisible();
    expect(await smallestCardText(page)).toBeGreaterThanOrEqual(14);
    expect(await sidewaysScrollers(page)).toEqual([]);
    // The keys and zoom buttons sit beside the flow pane: none lies over a card while the run goes.
    await expect(page.locator('.sp-particles-legend')).toBeVisible();
    expect(await coveringCards(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/presenter-1280x720.png' });

    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(app.inspector).toBeVisible();
    // The same button turns it on again, and the choice outlives a reload.
    await toggle.click();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Presenter' })).toHaveAttribute('aria-pressed', 'true');
  });

  test('opens an example at a readable zoom, with the queue chart and the balancer shares in full', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await openExample(page, 'web-tier');
    // Not the 0.59× of old: card names at 10 px or more.
    await expect.poll(() => page.evaluate(() => document.querySelector('.node-card__label')?.getBoundingClientRect().height ?? 0)).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: 'test-results/normal-1280x720.png' });

    const results = page.getByRole('region', { name: 'Results' });
    const queue = results.getByRole('img', { name: 'Queue length per node' });
    await expect(queue).toBeInViewport({ ratio: 0.5 });
    const panel = (await results.boundingBox())!;
    const queueBox = (await queue.boundingBox())!;
    expect(queueBox.x + queueBox.width).toBeLessThanOrEqual(panel.x + panel.width);

    await app.select('Load balancer');
    const shares = page.getByTestId('balancer-view');
    await expect(shares).toBeInViewport({ ratio: 0.5 });
    const sharesBox = (await shares.boundingBox())!;
    expect(sharesBox.x + sharesBox.width).toBeLessThanOrEqual(panel.x + panel.width);
    expect(await sidewaysScrollers(page)).toEqual([]);

    // A database's views: the sweep's button is inside the panel, not cut off past its edge.
    await app.select('Database');
    const sweep = results.getByRole('button', { name: 'Sweep', exact: true });
    await expect(sweep).toBeVisible();
    const sweepBox = (await sweep.boundingBox())!;
    expect(sweepBox.x + sweepBox.width).toBeLessThanOrEqual(panel.x + panel.width);
  });

  test('the 8-server example lists every server in the per-node legends', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await openExample(page, 'bench-8-servers');
    await page.getByRole('button', { name: /^(Run|Resume)$/ }).click();
    const legend = page.getByRole('img', { name: 'Utilization per node' }).locator('.sp-legend text');
    await expect(legend.filter({ hasText: 'Server 8' })).toHaveCount(1);
    const names = await legend.allTextContents();
    for (let i = 1; i <= 8; i++) expect(names).toContain(`Server ${i}`);
    await page.getByRole('button', { name: 'Pause' }).click();
  });

  test('connects two nodes with the keyboard only, and hears the same refusal as a drag', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.startEmpty();
    // Enter on the palette adds at the centre; the second node goes beside the first, not on top of it.
    await page.getByRole('button', { name: 'Add Server' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Add Client' }).focus();
    await page.keyboard.press('Enter');
    await expect(app.nodes).toHaveCount(2);
    const [a, b] = [(await app.node('Server 1').boundingBox())!, (await app.node('Client 1').boundingBox())!];
    const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap).toBe(false);

    // The new client is selected: its inspector offers "Connect to…".
    const target = app.inspector.getByLabel('Connect to…');
    await target.focus();
    await page.keyboard.press('ArrowDown');
    await expect(target).toHaveValue('server-1');
    await page.keyboard.press('Tab');
    await expect(app.inspector.getByRole('button', { name: 'Connect' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(app.link('Client 1', 'Server 1')).toHaveCount(1);

    // A link into a client is refused with the rule's own words, as when dragged.
    await app.select('Server 1');
    await app.inspector.getByLabel('Connect to…').selectOption('client-1');
    await app.inspector.getByRole('button', { name: 'Connect' }).press('Enter');
    await expect(app.toast('That link was not added.')).toBeVisible();
    await expect(app.links).toHaveCount(1);
  });

  test('the example write-up stays beside the canvas, also with a node selected', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await openExample(page, 'web-tier');
    const writeup = app.inspector.locator('.writeup');
    await expect(writeup.getByText(/A typical web service/)).toBeInViewport();
    await app.select('App server 1');
    await expect(writeup.getByText(/A typical web service/)).toBeInViewport();
    // It folds to one line, and stays folded.
    await writeup.locator('summary').click();
    await expect(writeup.getByText(/A typical web service/)).toBeHidden();
    await app.select('Load balancer');
    await expect(writeup.getByText(/A typical web service/)).toBeHidden();
  });
});

test.describe('a teacher on a laptop at 125 % zoom', () => {
  // Browser zoom: fewer CSS pixels, each drawn larger.
  test.use({ viewport: { width: 1024, height: 576 }, deviceScaleFactor: 1.25 });

  test('runs an example: no panel scrolls sideways, and nothing lies over a card', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await openExample(page, 'lb-l4-weighted');
    await page.getByRole('button', { name: /^(Run|Resume)$/ }).click();
    await expect(page.locator('.health-legend')).toBeVisible();
    await expect(page.locator('.sp-particles-legend')).toBeVisible();
    expect(await sidewaysScrollers(page)).toEqual([]);
    expect(await coveringCards(page)).toEqual([]);
    await page.keyboard.press('p');
    await expect.poll(() => smallestCardText(page)).toBeGreaterThanOrEqual(14);
    expect(await sidewaysScrollers(page)).toEqual([]);
    expect(await coveringCards(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/presenter-125-percent.png' });
  });
});
