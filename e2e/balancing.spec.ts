import { expect, type Page, test } from '@playwright/test';
import { Playground } from './pages/playground';
import { finalTotals } from './pages/totals';

/** The run controls this spec needs, as a user finds them. */
function controls(page: Page) {
  return {
    run: page.getByRole('button', { name: /^(Run|Resume|Run again)$/ }),
    reset: page.getByRole('button', { name: 'Reset', exact: true }),
    status: page.getByRole('status').filter({ hasText: /^(Ready|Running|Paused|Finished)/ }),
    speed: page.getByLabel('Speed'),
    duration: page.getByLabel('Duration (s)'),
  };
}

async function openExample(page: Page, name: string | RegExp): Promise<void> {
  const menu = page.getByLabel('Open an example');
  const label = typeof name === 'string' ? name : ((await menu.locator('option').filter({ hasText: name }).first().textContent()) ?? '');
  await menu.selectOption({ label });
}

/** The balancer view's row for one target. */
function targetRow(page: Page, id: string) {
  return page.getByTestId('balancer-view').locator(`g.sp-target[data-target="${id}"]`);
}

/** The recent share (percent) the balancer view shows for a target. */
async function recentShare(page: Page, id: string): Promise<number> {
  const text = (await targetRow(page, id).locator('.sp-target-figures').textContent()) ?? '';
  return Number.parseFloat(text);
}

test.describe('a new user explores load balancing', () => {
  test('picks each algorithm in the inspector and sees the shares change', async ({ page }) => {
    test.setTimeout(120_000);
    const app = new Playground(page);
    await app.openFresh();
    await openExample(page, /^Web tier/);
    await expect(app.nodes).toHaveCount(6);
    const c = controls(page);
    await c.duration.fill('30');
    await c.duration.press('Enter');
    await c.speed.selectOption({ label: 'max (as fast as possible)' });
    // Half the workers on one server: balancers that look at the servers send it less.
    await app.select('App server 1');
    await app.setField('Workers', '2');
    await app.field('Workers').press('Enter');

    await app.select('Load balancer');
    const shares: Record<string, number> = {};
    const algorithms = ['Round robin', 'Weighted round robin', 'Least connections', 'Least response time', 'IP hash', 'Consistent hash', 'Random', 'Power of two choices'];
    for (const algorithm of algorithms) {
      await app.field('Algorithm').selectOption({ label: algorithm });
      await c.reset.click();
      await c.run.click();
      await expect(c.status).toHaveText(/^Finished/, { timeout: 30_000 });
      await expect(page.getByTestId('balancer-view').locator('g.sp-target')).toHaveCount(3);
      shares[algorithm] = await recentShare(page, 'app-1');
    }
    // Round robin deals in turn whatever the servers do; least connections and two choices see the slow server's queue.
    expect(shares['Round robin']).toBeGreaterThanOrEqual(30);
    expect(shares['Round robin']).toBeLessThanOrEqual(37);
    expect(shares['Least connections']).toBeLessThan((shares['Round robin'] ?? 0) - 5);
    expect(shares['Power of two choices']).toBeLessThan((shares['Round robin'] ?? 0) - 5);
    await page.screenshot({ path: 'test-results/balancing-shares.png' });
  });

  test('crashes a server by clicking it while running, sees it taken out and its traffic move away', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await openExample(page, 'Least connections: a crashed server with health checks');
    const c = controls(page);
    await c.speed.selectOption({ label: '2× real time' });
    await c.run.click();
    await expect(c.status).toHaveText(/^Running/);

    await app.select('App server 3');
    await page.getByRole('button', { name: 'Crash', exact: true }).click();
    await expect(page.getByTestId('fault-state')).toHaveText('down');
    await expect(app.node('App server 3').getByText('down (crashed)')).toBeVisible();

    await app.select('Load balancer');
    await expect(targetRow(page, 'app-3')).toHaveAttribute('data-state', /^out-(probes|ejected)$/);
    await expect(targetRow(page, 'app-3').locator('.sp-target-state')).toHaveText(/^out: /);
    // Five simulated seconds later the recent share has left it entirely.
    await expect.poll(() => recentShare(page, 'app-3'), { timeout: 15_000 }).toBe(0);
    expect(await recentShare(page, 'app-1')).toBeGreaterThan(40);
    await expect(targetRow(page, 'app-3').locator('.sp-health-spans rect')).toHaveCount(1);
    await page.screenshot({ path: 'test-results/balancing-crash.png' });
  });

  test('without health checks, sees least connections pour traffic into a crashed server', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await openExample(page, 'Least connections: a crashed server becomes a sinkhole');
    const c = controls(page);
    await c.speed.selectOption({ label: '5× real time' });
    await app.select('Load balancer');
    await c.run.click();
    // The example crashes App server 2 at 20 s; nothing takes it out of the pool.
    await expect(targetRow(page, 'app-2')).toHaveAttribute('data-state', 'down', { timeout: 20_000 });
    await expect(targetRow(page, 'app-2').locator('.sp-target-state')).toHaveText('down, still in pool');
    await expect.poll(() => recentShare(page, 'app-2'), { timeout: 10_000 }).toBeGreaterThan(50);
    await expect(targetRow(page, 'app-2').locator('.sp-crash-spans rect')).toHaveCount(1);
    await expect(targetRow(page, 'app-2').locator('.sp-health-spans rect')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/balancing-sinkhole.png' });
  });

  test('adds a server to a consistent-hash pool and sees which keys moved on the ring', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await openExample(page, 'Consistent hashing: a pool of four, add a fifth');
    await app.select('Hash ring');
    const summary = page.getByTestId('hash-ring-view').locator('.sp-ring-summary');
    await expect(summary).toHaveText(/10,000 client addresses on 4 targets/);

    const added = await app.addNode('Server', { x: 80, y: 40 });
    await app.connect('Hash ring', added);
    await expect(app.links).toHaveCount(6);
    await app.select('Hash ring');
    await expect(summary).toHaveText(/a target joined \(4 → 5\), [\d,]+ of 10,000 keys moved/);
    const moved = Number(/moved: ([\d.]+) %/.exec((await summary.textContent()) ?? '')?.[1]);
    // Theory: 1/(n+1) = 20 % of the keys move, all to the new server.
    expect(moved).toBeGreaterThan(14);
    expect(moved).toBeLessThan(26);
    expect(await page.getByTestId('hash-ring-view').locator('.sp-key-moved').count()).toBeGreaterThan(0);
    await page.screenshot({ path: 'test-results/balancing-ring.png' });
  });
});

test.describe('a new user weighs scaling out against scaling up', () => {
  test('sweeps a server group and sees cost against p99 for each replica count and size', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await openExample(page, 'Scale out or scale up: cost against p99');
    await app.select('API servers');
    await page.getByLabel('Replicas up to').fill('4');
    await page.getByRole('button', { name: 'Sweep sizes', exact: true }).click();
    const chart = page.getByTestId('cost-chart');
    // Four replica counts and six instance sizes, each a full headless run in the worker.
    await expect(chart.locator('.sp-cost-p99 g.sp-point')).toHaveCount(10, { timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Sweep sizes', exact: true })).toBeEnabled();
    await expect(chart.locator('.sp-cost-p99 [data-mode="out"] .sp-point text')).toHaveText(['×1', '×2', '×3', '×4']);
    await page.screenshot({ path: 'test-results/balancing-sweep.png' });
  });
});

test.describe('a new user compares sticky sessions with a session store', () => {
  test('sees sessions lost in a crash with sticky in-memory sessions, and none with a session store', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    const c = controls(page);
    const totals = (key: string) => page.locator(`.sp-totals [data-total="${key}"] td`);
    await openExample(page, 'Sessions: sticky cookies, and a crash that loses them');
    await c.speed.selectOption({ label: 'max (as fast as possible)' });
    await c.run.click();
    await finalTotals(page);
    await expect(totals('logins')).toHaveText('200');
    const lost = Number(await totals('lostSessions').textContent());
    expect(lost).toBeGreaterThan(0);
    await expect(totals('relogins')).toHaveText(String(lost));
    await expect(totals('cost')).toHaveText('$0.30 / h');

    await openExample(page, 'Sessions: an external session store makes servers stateless');
    await c.run.click();
    await expect(c.status).toHaveText(/^Finished/, { timeout: 30_000 });
    await expect(totals('lostSessions')).toHaveText('0');
    await expect(totals('relogins')).toHaveText('0');
  });
});
