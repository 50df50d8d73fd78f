import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';

test.describe('a teacher shows that replicas are machines', () => {
  test('crashes one replica of a server group while it runs: the others keep serving', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('Scale out or scale up: cost against p99');
    const strip = app.node('API servers').getByTestId('replica-strip');
    await expect(strip).toHaveAttribute('aria-label', '5 replicas');
    await app.select('API servers');
    await app.setSpeed('1× real time');
    await app.runButton.click();
    await expect(strip).toHaveAttribute('aria-label', '5 of 5 replicas up');
    const faults = page.getByRole('group', { name: 'Faults for API servers' });
    await faults.getByLabel('Machine').selectOption({ label: 'api #2 alone' });
    await faults.getByRole('button', { name: 'Crash' }).click();
    await expect(strip).toHaveAttribute('aria-label', '4 of 5 replicas up');
    await expect(faults.getByTestId('fault-state')).toHaveText('down');
    await expect(strip).toContainText('1 down');
    const machines = page.getByRole('table', { name: 'Replicas of api' });
    await expect(machines.locator('tr[data-replica="2"] td').first()).toHaveText('down');
    await expect(machines.locator('tr[data-replica="1"] td').first()).toHaveText('up');
    // The node as a whole is not down: its card shows no "down (crashed)" badge.
    await expect(app.node('API servers').getByText('down (crashed)')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/replica-crashed.png' });
    await faults.getByLabel('Machine').selectOption({ label: 'all 5 replicas' });
    await expect(faults.getByTestId('fault-state')).toHaveText('up');
  });

  test('an L4 balancer says it picks a server per connection, and a client sets its connections', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('L4 with long connections: least connections beats round robin');
    await app.select('L4 balancer');
    await expect(page.getByText('Picks a server for each connection: every request on it goes there.', { exact: false })).toBeVisible();
    await page.screenshot({ path: 'test-results/l4-inspector.png' });
    await app.select('Mobile apps');
    await app.openSection('Connections');
    await expect(page.getByLabel('Requests per connection')).toHaveValue('1000');
    await page.screenshot({ path: 'test-results/client-connections.png' });
  });
});
