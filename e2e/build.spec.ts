import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';

test.describe('a new user builds a system', () => {
  test('sees a starter system on the first visit', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    expect(await app.nodeLabels()).toEqual(['Users', 'Load balancer', 'API server 1', 'API server 2', 'Database']);
    await expect(app.links).toHaveCount(5);
    await expect(page.getByRole('button', { name: /^Run/ })).toBeVisible();
  });

  test('drags a client, a load balancer and two servers from the palette and wires them', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.startEmpty();

    const client = await app.addNode('Client', { x: 120, y: 200 });
    const balancer = await app.addNode('Load balancer', { x: 380, y: 200 });
    const first = await app.addNode('Server', { x: 640, y: 100 });
    const second = await app.addNode('Server', { x: 640, y: 320 });
    expect([client, balancer, first, second]).toEqual(['Client 1', 'Load balancer 1', 'Server 1', 'Server 2']);

    await app.connect(client, balancer);
    await app.connect(balancer, first);
    await app.connect(balancer, second);
    await expect(app.links).toHaveCount(3);
    await expect(app.link('Load balancer 1', 'Server 2')).toBeVisible();
  });

  test('is told why a link into a client is refused, and nothing is added', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.startEmpty();
    await app.addNode('Client', { x: 120, y: 200 });
    await app.addNode('Server', { x: 520, y: 200 });
    await app.connect('Server 1', 'Client 1');
    await expect(app.toast('That link was not added.')).toContainText('clients only send requests');
    await expect(app.links).toHaveCount(0);
  });

  test('edits a server in the inspector; an invalid value is explained and not applied', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.select('API server 1');
    await app.setField('Workers', '8');
    await expect(app.node('API server 1')).toContainText('8 workers');

    await app.setField('Workers', '0');
    await expect(app.inspector.getByRole('alert')).toHaveText('A whole number from 1 to 4,096.');
    await expect(app.node('API server 1')).toContainText('8 workers');

    await app.setField('Service time mean', '120');
    await expect(app.node('API server 1')).toContainText('120 ms');
  });

  test('deletes a node with the Delete key and gets it back with undo', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.select('API server 2');
    await page.keyboard.press('Delete');
    await expect(app.node('API server 2')).toHaveCount(0);
    await expect(app.links).toHaveCount(3);

    await app.undo();
    await expect(app.node('API server 2')).toHaveCount(1);
    await expect(app.links).toHaveCount(5);
  });

  test('moves a node by dragging it, and one undo puts it back', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    const card = app.node('Database');
    const before = await card.boundingBox();
    if (!before) throw new Error('no database card');
    await card.locator('.node-card__summary').hover();
    await page.mouse.down();
    await page.mouse.move(before.x + 60, before.y + 150, { steps: 8 });
    await page.mouse.move(before.x + 80, before.y + 200, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await card.boundingBox())?.y ?? 0).toBeGreaterThan(before.y + 100);

    await app.undo();
    await expect.poll(async () => Math.round((await card.boundingBox())?.y ?? 0)).toBe(Math.round(before.y));
  });

  test('duplicates a server with Ctrl+D, settings and all', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.select('API server 1');
    await app.setField('Workers', '6');
    await app.canvas.click({ position: { x: 5, y: 5 } });
    await app.select('API server 1');
    await page.keyboard.press('ControlOrMeta+d');
    await expect(app.node('Server 3')).toContainText('6 workers');
    await expect(app.field('Name')).toHaveValue('Server 3');
  });

  test('deletes a link with the inspector button', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.selectLink('Load balancer', 'API server 1');
    await app.inspector.getByRole('button', { name: 'Delete link' }).click();
    await expect(app.links).toHaveCount(4);
  });

  test('adds a cache and sizes it; a TTL-only cache without a TTL is refused beside the field', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await page.getByRole('button', { name: 'Add Cache' }).click();
    await expect(app.node('Cache 1')).toBeVisible();
    await app.setField('Capacity', '5000');
    await expect(app.node('Cache 1')).toContainText('5,000 entries · LRU');
    await app.field('Eviction').selectOption('ttl');
    await expect(app.inspector.getByRole('alert')).toContainText('needs a ttl');
    await expect(app.node('Cache 1')).toContainText('LRU');
    await app.setField('TTL', '30');
    await app.field('Eviction').selectOption('ttl');
    await expect(app.node('Cache 1')).toContainText('5,000 entries · TTL');
  });

  test('adds a node from the keyboard alone', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.startEmpty();
    await page.getByRole('button', { name: 'Add Database' }).focus();
    await page.keyboard.press('Enter');
    await expect(app.node('Database 1')).toBeVisible();
    await page.keyboard.press('Space');
    await expect(app.nodes).toHaveCount(2);
  });
});
