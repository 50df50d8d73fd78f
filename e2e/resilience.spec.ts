import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';
import { finalTotals } from './pages/totals';

/*
 * A teacher shows resilience patterns on a projector: a slow dependency eats
 * every worker of the server that calls it, then a bulkhead on that one call
 * keeps the healthy dependency served; a breaker opens and the link turns red.
 */
test.use({ viewport: { width: 1280, height: 720 } });

const MAX_SPEED = 'max (as fast as possible)';

test.describe('call resilience, as a teacher shows it', () => {
  test('a slow dependency eats every worker; a bulkhead on its link keeps the other served', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('Bulkhead: a slow dependency eats every worker');
    await app.setSpeed(MAX_SPEED);
    await app.runButton.click();
    await finalTotals(page);
    const bulkheadFull = page.locator('.sp-totals [data-total="bulkheadFull"] td');
    await expect(bulkheadFull).toHaveText('0');

    // The API's calls view says where its calls went: every one waited, none was refused.
    await app.select('API');
    const calls = page.getByTestId('calls-view');
    await expect(calls).toContainText('→ payments');
    await expect(calls).not.toContainText('bulkhead full');

    // The bulkhead: at most 8 workers may wait on Payments.
    await app.selectLink('API', 'Payments');
    const policy = app.inspector.getByRole('region', { name: 'Call policy' });
    await expect(policy.getByLabel('Calls with a policy')).toBeChecked();
    await app.setField('Max concurrent calls', '0');
    await expect(app.inspector).toContainText('A whole number from 1 to 100,000');
    await app.setField('Max concurrent calls', '8');
    await app.field('Max concurrent calls').press('Enter');

    await app.runButton.click();
    await finalTotals(page);
    const refused = Number((await bulkheadFull.textContent())?.replace(/,/g, ''));
    expect(refused).toBeGreaterThan(1000);
    await app.select('API');
    await expect(calls).toContainText(/→ payments: [\d,]+ calls · [\d,]+ failed · [\d,]+ bulkhead full/);
  });

  test('a breaker opens while its dependency is slow: the link turns its colour and the timeline shows it', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('Circuit breaker: opens on a slow dependency, then recovers');
    await app.select('API');
    await app.setSpeed('10× real time');
    await app.runButton.click();
    // Payments slows at 20 s; the breaker opens within a second and the link says so.
    await expect(page.locator('.react-flow__edge.edge--breaker-open, .react-flow__edge.edge--breaker-halfOpen')).toHaveCount(1, { timeout: 30_000 });
    // Its accessible name says the state too (so the exact name the page object matches no longer applies).
    await expect(page.locator('.react-flow__edge[aria-label^="Link from API to Payments, breaker"]')).toHaveAttribute('aria-label', /breaker (open|half-open)$/);
    await expect(page.getByTestId('calls-view').locator('rect[data-state="open"]').first()).toBeVisible();

    await app.setSpeed(MAX_SPEED);
    await finalTotals(page);
    await expect(page.locator('.sp-totals [data-total="circuitOpen"] td')).not.toHaveText('0');
    // Payments recovered at 50 s: the breaker closed again, and the link is green.
    await expect(page.locator('.react-flow__edge.edge--breaker-closed')).toHaveCount(1);
    await expect(page.getByTestId('calls-view')).toContainText('(breaker closed)');
  });

  test('a retry budget over 100 % is refused with a message naming the field', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('Metastable fix: a retry budget drains the storm');
    await app.selectLink('Users', 'Server');
    await app.openSection('Retry budget');
    await app.setField('Budget', '150');
    await expect(app.inspector).toContainText('From 0 to 100 % of calls');
    await expect(app.field('Budget')).toHaveValue('150');
  });
});
