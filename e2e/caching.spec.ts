import { expect, type Page, test } from '@playwright/test';
import { Playground } from './pages/playground';
import { finalTotals } from './pages/totals';

/** The run controls, as a user finds them. */
function controls(page: Page) {
  return {
    run: page.getByRole('button', { name: /^(Run|Resume|Run again)$/ }),
    status: page.getByRole('status').filter({ hasText: /^(Ready|Running|Paused|Finished)/ }),
    speed: page.getByLabel('Speed'),
    simTime: page.getByTestId('sim-time'),
  };
}

/** Runs the scenario as fast as the machine allows, to its end. */
async function runToEnd(page: Page): Promise<void> {
  const c = controls(page);
  await c.speed.selectOption({ label: 'max (as fast as possible)' });
  await c.run.click();
  await finalTotals(page);
}

/** The cache figures under the run's charts. */
function cacheFigures(page: Page) {
  const panel = page.getByRole('region', { name: 'Cache figures' });
  return {
    panel,
    hitRatio: panel.getByRole('img', { name: /^Hit ratio.*with theory$/ }),
    ranks: panel.getByRole('img', { name: 'Hit ratio by popularity rank' }),
    staleness: panel.getByRole('img', { name: 'Stale reads and lost writes' }),
    offload: panel.getByRole('img', { name: 'Origin offload' }),
    load: panel.getByRole('img', { name: /load with and without the (cache|CDN)$/ }),
  };
}

/** A figure a view carries as a data attribute. */
async function figure(view: ReturnType<Page['getByRole']>, name: string): Promise<number> {
  return Number(await view.getAttribute(`data-${name}`));
}

test.describe('a new user puts caches in front of the database and the servers', () => {
  test('adds a cache between the servers and the database: its load falls, the hit ratio meets its theory line; write-back and a crash lose writes', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();

    // A database that the starter's traffic keeps busy, and requests that ask for popular items.
    await app.select('Database');
    await app.setField('Workers', '1');
    await app.select('Users');
    await app.setField('Rate', '120');
    await app.openSection('What the requests look like');
    await app.field('Popularity').selectOption('zipf');
    await runToEnd(page);
    const busyBefore = await app.busy('Database');
    expect(busyBefore).toBeGreaterThan(30);

    // The cache goes between the servers and the database.
    const cache = await app.addNode('Cache', { x: 720, y: 60 });
    await app.setField('Capacity', '100');
    for (const server of ['API server 1', 'API server 2']) {
      await app.selectLink(server, 'Database');
      await app.inspector.getByRole('button', { name: 'Delete link' }).click();
      await app.connect(server, cache);
      await expect(app.link(server, cache)).toBeVisible();
    }
    await app.connect(cache, 'Database');
    await expect(app.link(cache, 'Database')).toBeVisible();
    await runToEnd(page);

    // The card redraws a few times a second: wait for it to show the finished run's load.
    await expect.poll(() => app.busy('Database')).toBeLessThan(busyBefore * 0.7);
    const views = cacheFigures(page);
    await views.panel.scrollIntoViewIfNeeded();
    await expect(views.panel.getByRole('heading', { name: `Cache: ${cache}` })).toBeVisible();
    // The theory line is there, dashed, and named after its formula; the measured ratio has climbed to it.
    await expect(views.hitRatio.getByText(/^theory \(Che's approximation, LRU\) \d+(\.\d)? %$/)).toBeVisible();
    await expect(views.hitRatio.locator('.sp-lines path[stroke-dasharray]')).toHaveCount(1);
    const theory = await figure(views.hitRatio, 'theory');
    const measured = await figure(views.hitRatio, 'recent-hit-ratio');
    expect(theory).toBeGreaterThan(0.2);
    expect(Math.abs(measured - theory)).toBeLessThan(0.1);
    await expect(views.ranks.locator('.sp-rank-bars rect').first()).toBeVisible();
    // Beside it, the same database in a run without the cache (computed in the background).
    await expect(views.load).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => figure(views.load, 'recent-without')).toBeGreaterThan(30);
    expect(await figure(views.load, 'recent-with')).toBeLessThan(await figure(views.load, 'recent-without'));
    await expect(views.staleness.getByText('Lost writes')).toBeVisible();

    // Write-back: writes are acknowledged by the cache and flushed later; a crash loses what was not flushed.
    await app.select('Users');
    await app.openSection('What the requests look like');
    await app.setField('Writes', '30');
    await app.select(cache);
    await app.field('Write strategy').selectOption('writeBack');
    await app.setField('Flush interval', '5');
    const c = controls(page);
    await c.speed.selectOption({ label: '10× real time' });
    await c.run.click();
    await expect(c.status).toHaveText(/^Running/);
    await expect.poll(async () => Number.parseFloat((await c.simTime.textContent()) ?? '0'), { timeout: 20_000 }).toBeGreaterThan(10);
    const faults = page.getByRole('group', { name: `Faults for ${cache}` });
    await faults.getByRole('button', { name: 'Crash' }).click();
    await expect(faults.getByTestId('fault-state')).toHaveText('down');
    await faults.getByRole('button', { name: 'Restart' }).click();
    await expect(faults.getByTestId('fault-state')).not.toHaveText('down');
    await c.speed.selectOption({ label: 'max (as fast as possible)' });
    await expect(c.status).toHaveText(/^Finished/, { timeout: 45_000 });

    await views.panel.scrollIntoViewIfNeeded();
    const lost = views.staleness.locator('.sp-figure-row', { hasText: 'Lost writes' });
    await expect(lost.locator('.sp-figure-value')).toHaveText(/^[1-9][\d,]*$/);
    await expect(lost.locator('.sp-figure-detail')).toHaveText(/^of [\d,]+ acknowledged, lost before a flush$/);
  });

  test('puts a CDN in front and sees the share of requests and bytes that never reach origin', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.select('Users');
    await app.setField('Rate', '400');
    const cdn = await app.addNode('CDN', { x: 300, y: 100 });
    await app.selectLink('Users', 'Load balancer');
    await app.inspector.getByRole('button', { name: 'Delete link' }).click();
    await app.connect('Users', cdn);
    await app.connect(cdn, 'Load balancer');
    await expect(app.link('Users', cdn)).toBeVisible();
    await expect(app.link(cdn, 'Load balancer')).toBeVisible();
    await runToEnd(page);

    const views = cacheFigures(page);
    await views.panel.scrollIntoViewIfNeeded();
    await expect(views.panel.getByRole('heading', { name: `CDN: ${cdn}` })).toBeVisible();
    const requests = views.offload.locator('.sp-figure-row', { hasText: 'Requests offloaded' });
    const bytes = views.offload.locator('.sp-figure-row', { hasText: 'Bytes offloaded' });
    await expect(requests.locator('.sp-figure-detail')).toHaveText(/went to origin$/);
    const share = async (row: typeof requests) => Number.parseFloat((await row.locator('.sp-figure-value').textContent()) ?? '');
    // Each edge misses every item once before it can answer it; after that, most requests stop at the edge.
    const offload = await share(requests);
    expect(offload).toBeGreaterThan(50);
    expect(await share(bytes)).toBeGreaterThan(50);
    // The share and the counts under it tell the same story.
    const [toOrigin, all] = ((await requests.locator('.sp-figure-detail').textContent()) ?? '').match(/[\d,]+/g)!.map((n) => Number(n.replace(/,/g, '')));
    expect(offload).toBeCloseTo(100 * (1 - toOrigin! / all!), 0);
    // The servers behind the balancer (the origin) work less than they would without the CDN.
    await expect.poll(() => figure(views.load, 'recent-without'), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await figure(views.load, 'recent-with')).toBeLessThan(await figure(views.load, 'recent-without'));
    // Each edge has its own hit-ratio line.
    await expect(views.hitRatio.locator('.sp-legend text')).not.toHaveCount(1);
  });

  test('shards a cache tier by hashing the request key, then hashes the client address and sees every shard miss', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    const menu = page.getByLabel('Open an example');
    await menu.selectOption({ label: 'Sharded cache: consistent hashing on the request key' });
    await app.select('Shard router');
    await expect(app.field('Hash on')).toHaveValue('requestKey');
    const ring = page.getByTestId('hash-ring-view').locator('.sp-ring-summary');
    await expect(ring).toHaveText(/3,000 request keys on 3 targets/);

    // Each shard holds only its own third of the items, so its 1,000 entries are (about) enough.
    await runToEnd(page);
    await app.select('Shard 1');
    const views = cacheFigures(page);
    await views.panel.scrollIntoViewIfNeeded();
    await expect(views.panel.getByRole('heading', { name: 'Cache: Shard 1' })).toBeVisible();
    await expect.poll(() => figure(views.hitRatio, 'recent-hit-ratio')).toBeGreaterThan(0.9);
    // Theory follows: Che's approximation over the shard's own keys, not the whole catalogue.
    expect(await figure(views.hitRatio, 'theory')).toBeGreaterThan(0.9);

    // Hashing the address spreads every item over every shard: a third of what each is asked for fits.
    await app.select('Shard router');
    await app.field('Hash on').selectOption('address');
    await expect(ring).toHaveText(/client addresses on 3 targets/);
    await runToEnd(page);
    await app.select('Shard 1');
    await expect.poll(() => figure(views.hitRatio, 'recent-hit-ratio')).toBeLessThan(0.45);
    await page.screenshot({ path: 'test-results/caching-shards.png' });
  });
});
