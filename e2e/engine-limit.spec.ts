import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';

/** One client at 1e308 requests a second into a server with an unbounded queue: the run the budget must hold. */
const FLOOD = JSON.stringify({
  version: 1,
  name: 'A flood',
  duration: 60,
  nodes: [
    { id: 'users', kind: 'client', position: { x: 0, y: 0 }, workload: { mode: 'open', rate: 1e308 } },
    { id: 'server', kind: 'server', position: { x: 260, y: 0 }, workers: 4, queueCapacity: null, serviceTime: { type: 'exponential', mean: 0.1 } },
  ],
  links: [{ id: 'users-server', from: 'users', to: 'server', latency: 0 }],
});

test('a flood past the engine budget opens with warnings, runs, and says the engine limit is failing requests', async ({ page }) => {
  const app = new Playground(page);
  await app.openFresh();
  await app.importScenario('flood.json', FLOOD);
  // The file still opens: the parser warns about the rate and the duration, naming the field.
  await expect(page.getByText(/field "workload\.rate": 1e308 requests a second/)).toBeVisible();
  await page.getByLabel('Speed').selectOption({ label: 'max (as fast as possible)' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  await expect(page.getByRole('status').filter({ hasText: 'The engine limit was reached.' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/requests failed with "engine limit" because more than 211,968 were alive at once/)).toBeVisible();
  // Not "≈0×": how much simulated time passes each second.
  await expect(page.getByRole('status').filter({ hasText: /^Running at max \(simulated time barely moves: .* a second\)/ })).toBeVisible({ timeout: 10_000 });
  const failed = await page.locator('.sp-totals [data-total="engineLimit"] td').textContent();
  expect(Number((failed ?? '').replace(/,/g, ''))).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Paused/ })).toBeVisible();
});
