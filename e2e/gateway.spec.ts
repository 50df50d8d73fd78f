import { expect, type Locator, type Page, test } from '@playwright/test';
import { Playground } from './pages/playground';
import { finalTotals } from './pages/totals';

/** Where a walk-through leaves its screenshots when GATEWAY_SHOTS names a folder (for a person to look at; nothing is compared). */
const SHOTS = process.env.GATEWAY_SHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** Runs the scenario as fast as the machine allows, to its end. */
async function runToEnd(app: Playground): Promise<void> {
  await app.setSpeed('max (as fast as possible)');
  await app.runButton.click();
  await finalTotals(app.page);
}

/** A figure a view carries as a data attribute. */
async function figure(view: Locator, name: string): Promise<number> {
  return Number(await view.getAttribute(`data-${name}`));
}

/** The count a gateway's card shows beside `suffix` ("in", "429", "401"). */
async function cardCount(app: Playground, label: string, suffix: string): Promise<string> {
  const text = await app.node(label).getByText(new RegExp(`^\\S+ ${suffix}$`)).textContent();
  return (text ?? '').replace(` ${suffix}`, '');
}

test.describe('a teacher shows a noisy tenant behind an API gateway', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('per-tenant limits throttle only the noisy tenant; one global limit throttles everyone', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('A noisy tenant: per-tenant vs global rate limits');
    await expect(app.node('API gateway')).toBeVisible();
    await expect(app.node('API gateway')).toContainText('bucket 100 req/s each');

    await runToEnd(app);
    // The card counts what the limit did: most of tenant A's 1000/s answered 429, nothing 401.
    expect(Number.parseFloat(await cardCount(app, 'API gateway', '429'))).toBeGreaterThan(0);
    expect(await cardCount(app, 'API gateway', '401')).toBe('0');

    // Selecting the gateway shows admitted against throttled per tenant, and each bucket's level.
    await app.select('API gateway');
    const rates = page.getByRole('img', { name: 'API gateway: admitted vs throttled' });
    await expect(rates).toBeVisible();
    await expect(page.getByRole('img', { name: 'API gateway: bucket level' })).toBeVisible();
    expect(await app.chartLegend('API gateway: admitted vs throttled')).toEqual(
      expect.arrayContaining(['Tenant A (noisy)', 'Tenant B', 'Tenant C', 'dashed: throttled']),
    );
    const perTenant = { admitted: await figure(rates, 'admitted'), throttled: await figure(rates, 'throttled') };
    // 1100/s arrive; A is held to 100/s and B and C pass whole: 200/s admitted, 900/s throttled.
    expect(perTenant.throttled / (perTenant.admitted + perTenant.throttled)).toBeGreaterThan(0.75);
    expect(perTenant.throttled / (perTenant.admitted + perTenant.throttled)).toBeLessThan(0.85);
    await expect(page.locator('.sp-totals')).toContainText(/throttled/i);
    await shot(page, 'per-tenant');

    // One bucket for everyone, as big as the service: the inspector explains a bad value and keeps the good one.
    await app.openSection('Rate limit');
    await app.field('Scope').selectOption('global');
    await app.setField('Rate', '-5');
    await expect(app.inspector.getByRole('alert')).toContainText(/more than 0/i);
    await app.setField('Rate', '400');
    await app.setField('Burst', '80');
    await expect(app.node('API gateway')).toContainText('bucket 400 req/s');
    await runToEnd(app);
    await app.select('API gateway');
    expect(await app.chartLegend('API gateway: admitted vs throttled')).toEqual(['all', 'dashed: throttled']);
    const global = { admitted: await figure(rates, 'admitted'), throttled: await figure(rates, 'throttled') };
    // Twice as many admitted, so the service is saturated; B and C are throttled alongside A.
    expect(global.admitted).toBeGreaterThan(1.8 * perTenant.admitted);
    expect(await app.busy('API service')).toBeGreaterThan(95);
    await shot(page, 'global');
  });

  test('a route to a composed call refuses a quorum larger than its services, naming the field', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('Fan-out tail: composing 1, 3 and 10 services');
    await app.select('API gateway');
    await app.openSection('Routes');
    await app.setField('Route 2 quorum', '5');
    await expect(app.inspector.getByRole('alert')).toContainText('routes.1.quorum');
    await app.setField('Route 2 quorum', '2');
    await expect(app.inspector.getByRole('alert')).toHaveCount(0);
    await shot(page, 'routes');
  });
});
