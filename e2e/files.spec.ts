import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';

test.describe('scenario files', () => {
  test('exports the scenario and imports it back', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    const file = await app.exportScenario();
    expect(JSON.parse(file)).toMatchObject({ version: 2, name: 'Two servers behind a load balancer' });

    await app.startEmpty();
    await app.importScenario('two-servers.json', file);
    await expect(app.toast('Opened “Two servers behind a load balancer”')).toBeVisible();
    expect(await app.nodeLabels()).toEqual(['Users', 'Load balancer', 'API server 1', 'API server 2', 'Database']);
    await expect(app.links).toHaveCount(5);
  });

  test('a broken file is explained and the work stays as it was', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.importScenario('broken.json', '{"version": 1, "nodes": [{"id": "a", "kind": "router"}], "links": []}');
    const alert = page.getByRole('alert').filter({ hasText: '“broken.json” was not opened; your work is unchanged.' });
    await expect(alert).toContainText('unknown node kind');
    await expect(app.nodes).toHaveCount(5);

    await app.importScenario('not-json.json', 'this is not json');
    await expect(page.getByRole('alert').filter({ hasText: 'not-json.json' })).toContainText('not valid JSON');
    await expect(app.nodes).toHaveCount(5);
  });

  test('undo after an import returns to the previous work', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.importScenario('one.json', JSON.stringify({ version: 1, nodes: [{ id: 'c', kind: 'client', workload: { mode: 'open', rate: 1 } }], links: [] }));
    await expect(app.nodes).toHaveCount(1);
    await app.undo();
    await expect(app.nodes).toHaveCount(5);
  });
});

test.describe('examples', () => {
  test('opens an example from the toolbar, and undo brings the work back', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await page.getByLabel('Open an example').selectOption({ label: 'Web tier: load balancer, three app servers, one database' });
    await expect(app.toast(/Opened the example “Web tier/)).toBeVisible();
    await expect(app.nodes).toHaveCount(6);
    await expect(page.getByLabel('Scenario name')).toHaveValue(/^Web tier/);
    await app.undo();
    await expect(app.nodes).toHaveCount(5);
  });
});
