import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';

// A projector, and a 16:9 frame on a slide.
test.use({ viewport: { width: 1280, height: 720 } });
// The host page stands for a public site; here the playground is served on loopback, and Chromium's Local
// Network Access check refuses a public page's frame onto a loopback address. Deployed, both are public.
test.use({
  launchOptions: [
    async ({ launchOptions }, use) => use({ ...launchOptions, args: [...(launchOptions.args ?? []), '--disable-features=LocalNetworkAccessChecks'] }),
    { scope: 'worker' },
  ],
});

/** Another site's page holding `snippet`, as a slide deck or a blog would. */
const HOST = 'http://slides.example.test/deck.html';

test.describe('embed mode', () => {
  test('Share gives an iframe that runs the scenario inside another page', async ({ page, context }) => {
    const app = new Playground(page);
    await app.openFresh();
    await page.getByLabel('Duration (s)').fill('8');
    await page.getByLabel('Scenario name').fill('Two servers, embedded');
    await page.getByRole('button', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
    await dialog.getByRole('checkbox', { name: 'Totals' }).check();
    const snippet = await dialog.getByLabel('Embed in slides or a page').inputValue();
    expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1&amp;charts=latency,throughput,totals#s=2\.[\w-]+" /);
    expect(snippet).toContain('title="Two servers, embedded"');

    const host = await context.newPage();
    await host.route(HOST, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Deck</title><h1>Slide 3</h1>${snippet}` }));
    await host.goto(HOST);
    const frame = host.frameLocator('iframe');
    await expect(frame.getByRole('heading', { name: 'Two servers, embedded' })).toBeVisible();
    await expect(frame.locator('.react-flow__node')).toHaveCount(5);
    // Nothing but the canvas, the charts and Run: no palette, inspector, toolbar or speed.
    await expect(frame.getByRole('button', { name: 'Add Server' })).toHaveCount(0);
    await expect(frame.getByRole('complementary', { name: 'Inspector' })).toHaveCount(0);
    await expect(frame.getByRole('button', { name: /Share/ })).toHaveCount(0);
    await expect(frame.getByLabel('Speed')).toHaveCount(0);
    await expect(frame.getByRole('img', { name: 'Latency percentiles' })).toBeVisible();
    await expect(frame.getByRole('img', { name: 'Throughput' })).toBeVisible();
    await expect(frame.getByRole('table', { name: 'Totals' })).toBeVisible();

    await frame.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(frame.getByRole('status').filter({ hasText: /^(Ready|Running|Finished)/ })).toHaveText(/^Finished/, { timeout: 30_000 });
    await expect(frame.getByRole('button', { name: 'Run again' })).toBeVisible();
    // The charts drew the run: a latency line with points, and completed requests in the totals.
    await expect(frame.getByRole('img', { name: 'Latency percentiles' }).locator('.sp-lines path').first()).toHaveAttribute('d', /L/);
    await expect(frame.getByRole('table', { name: 'Totals' })).toContainText(/Completed\s*[1-9]/);
  });

  test('an embed keeps nothing: the viewer’s own work and Recent stay as they were', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.select('API server 2');
    await app.setField('Name', 'My own server');
    await app.waitForAutosave('My own server');
    const saved = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

    await page.goto('/?embed=1&charts=throughput,pie');
    await expect(page.locator('.react-flow__node')).toHaveCount(5);
    // No link: the starter, not the autosaved work.
    await expect(page.locator('.node-card__label').getByText('My own server')).toHaveCount(0);
    await expect(page.getByRole('note')).toContainText('Not shown: pie');
    await expect(page.getByRole('img', { name: 'Throughput' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Latency percentiles' })).toHaveCount(0);
    expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(saved);
  });
});
