import { expect, type Locator, type Page, test } from '@playwright/test';
import { Playground } from './pages/playground';
import { finalTotals } from './pages/totals';

/** Runs the scenario as fast as the machine allows, to its end. */
async function runToEnd(app: Playground, page: Page): Promise<void> {
  await app.setSpeed('max (as fast as possible)');
  await app.runButton.click();
  await finalTotals(page);
}

/** A figure a view carries as a data attribute. */
async function figure(view: Locator, name: string): Promise<number> {
  return Number(await view.getAttribute(`data-${name}`));
}

test.describe('a teacher contrasts a synchronous chain with a message queue', () => {
  test('runs the spike example: sync users fail, the queue acks at once while its backlog grows and drains', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('Sync chain vs message queue under a spike');
    await expect(app.node('Orders queue')).toBeVisible();
    await runToEnd(app, page);

    // The failures are the sync backend's: "queue full" in the totals, none refused by the message queue.
    const rows = (await app.totalsRows()).join(' ');
    expect(rows).toMatch(/dropped \(queue full\)1,\d{3}/);
    expect(rows).toMatch(/backlog full0/);
    expect(rows).not.toMatch(/Busy: Orders queue/);

    // The queue's card says what waits now: nothing, the backlog drained long before the end.
    await expect(app.node('Orders queue').getByText(/^backlog 0$/)).toBeVisible();
    await expect(app.node('Orders queue').getByText(/^dead 0$/)).toBeVisible();

    // Selected, the queue shows its backlog over the run: it climbed past a thousand, then fell back.
    await app.select('Orders queue');
    const backlog = page.getByTestId('queue-backlog');
    await expect(backlog).toHaveAttribute('data-max-backlog', /^\d+$/);
    expect(await figure(backlog, 'max-backlog')).toBeGreaterThan(1000);
    expect(await figure(backlog, 'last-backlog')).toBeLessThan(5);
    const age = page.getByTestId('queue-oldest-age');
    expect(await figure(age, 'max-age')).toBeGreaterThan(5);
  });

  test('builds a queue: consumers must be servers, and a zero visibility timeout is explained', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.startEmpty();
    await app.addNode('Client', { x: 100, y: 200 });
    const queue = await app.addNode('Message queue', { x: 420, y: 200 });
    await app.addNode('Database', { x: 760, y: 80 });
    await app.addNode('Server', { x: 760, y: 320 });

    await app.connect('Client 1', queue);
    await app.connect(queue, 'Database 1');
    await expect(app.toast('That link was not added.')).toContainText('must be servers');
    await app.connect(queue, 'Server 1');
    await expect(app.links).toHaveCount(2);

    await app.select(queue);
    await app.openSection('Redelivery');
    await app.setField('Visibility timeout', '0');
    await expect(app.inspector.getByText('More than 0 s.')).toBeVisible();
    await app.setField('Visibility timeout', '5');
    await expect(app.inspector.getByText('More than 0 s.')).toHaveCount(0);
  });
});
