import { expect, type Locator, type Page, test } from '@playwright/test';
import { Playground } from './pages/playground';
import { finalTotals } from './pages/totals';

/*
 * A teacher drives the playground live in front of a room, on a projector:
 * examples are swapped while one runs, servers are added and algorithms
 * changed without stopping, and the run is shared so the room can replay it.
 */
test.use({ viewport: { width: 1280, height: 720 } });

const MAX_SPEED = 'max (as fast as possible)';

/** The mean of the cards' busy % over a few display beats, so one noisy window does not decide. */
async function meanBusy(app: Playground, labels: readonly string[], beats = 4): Promise<number> {
  let sum = 0;
  for (let beat = 0; beat < beats; beat++) {
    for (const label of labels) sum += await app.busy(label);
    const at = await app.simTime();
    await expect.poll(() => app.simTime()).toBeGreaterThanOrEqual(at + 1);
  }
  return sum / (beats * labels.length);
}

/**
 * Whether request dots are on a link now: a small patch of the screen a third of the way along it
 * holds saturated colour (the dots are blue or green; the link itself and the canvas are grey).
 */
async function dotsOnLink(page: Page, link: Locator): Promise<boolean> {
  const at = await link.locator('path.react-flow__edge-path').evaluate((path: SVGPathElement) => {
    const point = path.getPointAtLength(path.getTotalLength() / 3);
    const screen = new DOMPoint(point.x, point.y).matrixTransform(path.getScreenCTM() ?? new DOMMatrix());
    return { x: screen.x, y: screen.y };
  });
  const png = await page.screenshot({ clip: { x: at.x - 14, y: at.y - 14, width: 28, height: 28 } });
  return page.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 90) return true;
    }
    return false;
  }, png.toString('base64'));
}

test.describe('a teacher runs the class live', () => {
  test('opens another example while one runs, and it starts fresh with its own duration', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('Web tier: load balancer, three app servers, one database');
    await app.setSpeed('10× real time');
    await app.runButton.click();
    await expect.poll(() => app.simTime()).toBeGreaterThan(5);
    await expect(app.runClock).toHaveText(/ \/ 300 s$/);

    await app.openExample('M/M/1 at 80% load');
    await expect(app.runStatus).toHaveText('Ready');
    await expect(app.runClock).toHaveText('0.0 s / 3600 s');
    await expect(page.getByRole('table', { name: 'Totals' })).toContainText(/Sent\s*0/);

    await app.runButton.click();
    await expect(app.runStatus).toHaveText(/^Running/);
    await expect.poll(() => app.simTime()).toBeGreaterThan(2);
    await expect(app.runClock).toHaveText(/ \/ 3600 s$/);
    // The figures name the new system's nodes only (and M/M/1's theory line): none of the web tier's servers.
    await expect.poll(() => app.chartLegend('Utilization per node')).toEqual(['Server', 'theory']);
  });

  test('adds a server mid-run: requests reach it and the others get less busy', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    // Enough traffic that two servers are clearly busy (about 75 %).
    await app.select('Users');
    await app.setField('Rate', '120');
    await app.field('Rate').press('Enter');
    await app.setSpeed('2× real time');
    await app.runButton.click();
    await expect.poll(() => app.simTime()).toBeGreaterThan(3);
    const servers = ['API server 1', 'API server 2'];
    const before = await meanBusy(app, servers);
    expect(before).toBeGreaterThan(55);

    const added = await app.addNode('Server', { x: 120, y: 60 });
    await app.connect('Load balancer', added);
    await expect(app.link('Load balancer', added)).toBeVisible();
    await app.connect(added, 'Database');
    await expect(app.link(added, 'Database')).toBeVisible();
    await expect(app.runStatus).toHaveText(/^Running/);

    // Its card shows work within a few simulated seconds, and the others share the load with it.
    const addedAt = await app.simTime();
    // Dots travel the links added mid-run, as on the others.
    await expect.poll(() => dotsOnLink(page, app.link('Load balancer', added)), { intervals: [100] }).toBe(true);
    await expect.poll(() => dotsOnLink(page, app.link(added, 'Database')), { intervals: [100] }).toBe(true);
    await expect.poll(() => app.busy(added)).toBeGreaterThan(20);
    // Two servers' load over three is two thirds of it: well under 80 % of before, once the windows catch up.
    await expect.poll(() => meanBusy(app, servers, 3), { timeout: 30_000 }).toBeLessThan(before * 0.8);
    expect(await app.simTime()).toBeLessThan(addedAt + 20);
    await page.screenshot({ path: 'test-results/teacher-added-server.png' });

    // The new server takes faults like any other.
    await app.select(added);
    await page.getByRole('button', { name: 'Crash', exact: true }).click();
    await expect(app.node(added).getByText('down (crashed)')).toBeVisible();
    // A crashed server serves nothing: its card says so rather than "p99 0 ms", which would read as fast.
    await expect(app.node(added)).toContainText('p99 –');
  });

  test('changes the algorithm mid-run, and the balancer view shows the shares move', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('Web tier: load balancer, three app servers, one database');
    // Half the workers on one server: a balancer that looks at the queues sends it less.
    await app.select('App server 1');
    await app.setField('Workers', '2');
    await app.field('Workers').press('Enter');
    await app.setSpeed('5× real time');
    await app.select('Load balancer');
    await app.runButton.click();
    const share = async () => {
      const text = await page.getByTestId('balancer-view').locator('g.sp-target[data-target="app-1"] .sp-target-figures').textContent();
      return Number.parseFloat(text ?? '');
    };
    await expect.poll(() => app.simTime()).toBeGreaterThan(8);
    const roundRobin = await share();
    expect(roundRobin).toBeGreaterThan(30);
    expect(roundRobin).toBeLessThan(37);

    await app.field('Algorithm').selectOption({ label: 'Least connections' });
    await expect(app.runStatus).toHaveText(/^Running/);
    const changedAt = await app.simTime();
    await expect.poll(share, { timeout: 20_000 }).toBeLessThan(roundRobin - 5);
    expect(await app.simTime()).toBeLessThan(changedAt + 20);
    await page.screenshot({ path: 'test-results/teacher-algorithm.png' });
  });

  test('shares a run with live edits and a crash; a new browser replays it to the same totals', async ({ page, browser }) => {
    const app = new Playground(page);
    await app.openFresh();
    await page.getByLabel('Duration (s)').fill('20');
    await page.getByLabel('Seed').fill('42');
    await app.setSpeed('5× real time');
    await app.runButton.click();
    await expect.poll(() => app.simTime()).toBeGreaterThan(4);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(app.runStatus).toHaveText('Paused');

    // Paused mid-run: more workers on one server, the other crashed; then on, and a restart later.
    await app.select('API server 1');
    await app.setField('Workers', '8');
    await app.field('Workers').press('Enter');
    await app.select('API server 2');
    await page.getByRole('button', { name: 'Crash', exact: true }).click();
    await expect(app.node('API server 2').getByText('down (crashed)')).toBeVisible();
    await app.runButton.click();
    await expect.poll(() => app.simTime()).toBeGreaterThan(9);
    await page.getByRole('button', { name: 'Restart', exact: true }).click();
    await expect(app.node('API server 2').getByText('down (crashed)')).toBeHidden();

    const url = (await app.share()).replace(/^https?:\/\/[^/]+/, '');
    await app.setSpeed(MAX_SPEED);
    await finalTotals(page);
    const here = await app.totalsRows();
    expect(here.join(' ')).toMatch(/node down\s*[1-9]/);
    // Export carries the same recording, for `npm run sim` to reproduce.
    const file = JSON.parse(await app.exportScenario());
    expect(file.changes).toHaveLength(1);
    expect(file.faults.map((f: { node: string; action: string }) => `${f.node} ${f.action}`)).toEqual(['server-2 crash', 'server-2 restart']);

    const elsewhere = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const other = new Playground(await elsewhere.newPage());
    await other.open(url);
    // The replay starts from the graph the run started with; the canvas follows the recorded edit.
    await expect(other.node('API server 1')).toContainText('4 workers');
    await other.setSpeed(MAX_SPEED);
    await other.runButton.click();
    await finalTotals(other.page);
    expect(await other.totalsRows()).toEqual(here);
    await expect(other.runStatus).toHaveText('Finished · replay: edit 1 of 1');
    await expect(other.node('API server 1')).toContainText('8 workers');
    await other.page.screenshot({ path: 'test-results/teacher-shared-replay.png' });
    await elsewhere.close();
  });
});
