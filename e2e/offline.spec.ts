import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';

// The one spec with the service worker on (playwright.config.ts blocks it for the rest).
test.use({ serviceWorkers: 'allow', viewport: { width: 1280, height: 720 } });

test('after a first visit the playground opens and runs with the network cut', async ({ page, context }) => {
  const app = new Playground(page);
  await app.open('/');
  // The worker has precached every built file once it is active.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (registration.active?.state !== 'activated') {
      await new Promise<void>((resolve) => registration.active?.addEventListener('statechange', () => registration.active?.state === 'activated' && resolve()));
    }
  });

  await context.setOffline(true);
  await page.reload();
  await expect(app.canvas).toBeVisible();
  await expect(app.nodes).toHaveCount(5);
  // Lazy chunks (charts, inspector) and the workers come from the cache too: a run completes requests.
  await page.getByLabel('Speed').selectOption({ label: 'max (as fast as possible)' });
  await page.getByLabel('Duration (s)').fill('10');
  await page.getByRole('button', { name: /^Run/ }).click();
  await expect(app.runStatus).toHaveText(/^Finished/, { timeout: 30_000 });
  await expect(page.getByRole('table', { name: 'Totals' })).toContainText(/Completed\s*[1-9]/);
  // An example is a chunk of its own, and an embed a page of its own: both open offline.
  await page.getByLabel('Open an example').selectOption({ label: 'M/M/1 at 80% load' });
  await expect(page.locator('.toast').filter({ hasText: 'Opened the example' })).toBeVisible();
  await page.goto('/?embed=1&charts=latency');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Latency percentiles' })).toBeVisible();
});
