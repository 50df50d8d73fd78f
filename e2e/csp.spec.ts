import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';
import { finalTotals } from './pages/totals';

/**
 * The Content-Security-Policy in index.html must let the whole app work:
 * no `securitypolicyviolation` and no console error while a user runs at
 * full speed with particles, shares, opens an example and reads the cache
 * panel, whose "without the cache" line is a background worker's run.
 */
test('the Content-Security-Policy holds and nothing the app does breaks it', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`);
    });
  });
  const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

  const app = new Playground(page);
  await app.openFresh();
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).not.toMatch(/unsafe-eval/);

  // A run at full speed, particles drawn by their own worker.
  await page.getByLabel('Speed').selectOption({ label: 'max (as fast as possible)' });
  await page.getByRole('button', { name: /^Run/ }).click();
  await expect(page.locator('canvas.sp-particles')).toBeAttached();
  await finalTotals(page);

  await app.share();

  // An example (loaded as a script chunk), then the cache panel's background run beside the live one.
  await page.getByLabel('Open an example').selectOption({ label: 'Cache-aside in front of a database (Zipf reads)' });
  await expect(page.getByLabel('Scenario name')).toHaveValue('Cache-aside in front of a database (Zipf reads)');
  await page.getByRole('button', { name: /^Run/ }).click();
  await finalTotals(page);
  await app.select('Cache');
  const load = page.getByRole('region', { name: 'Cache figures' }).getByRole('img', { name: /load with and without the cache$/ });
  await expect.poll(async () => Number(await load.getAttribute('data-recent-without')), { timeout: 30_000 }).toBeGreaterThan(0);

  expect(await violations()).toEqual([]);
  expect(errors).toEqual([]);
});
