import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';
import { finalTotals } from './pages/totals';

/*
 * A teacher moves resilience from code into a service mesh on a projector:
 * sidecars on two services, the mesh turned on in the scenario settings, a
 * run, and the control plane's view of the policy and what each hop costs.
 */
test.use({ viewport: { width: 1280, height: 720 } });

test.describe('service mesh, as a teacher shows it', () => {
  test('sidecars on two services and the mesh on: the control plane lists them, the policy and the added latency', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('Circuit breaker: opens on a slow dependency, then recovers');

    for (const service of ['API', 'Payments']) {
      await app.select(service);
      await app.inspector.getByLabel('Sidecar', { exact: true }).check();
      await expect(app.node(service).getByTestId('sidecar-badge')).toBeVisible();
    }
    await expect(app.inspector).toContainText('Takes effect when the service mesh is on');

    // Nothing selected: the scenario settings, where the mesh is turned on.
    await app.canvas.click({ position: { x: 300, y: 300 } });
    await expect(app.inspector.getByRole('heading', { name: 'Scenario settings' })).toBeVisible();
    const mesh = app.inspector.getByRole('group', { name: 'Service mesh' });
    await mesh.getByLabel('Service mesh', { exact: true }).check();
    const plane = page.getByTestId('control-plane');
    await expect(plane).toContainText('Services: API, Payments');
    // Two sidecars each way at 0.5 ms: 2 ms more a round trip between them, 1 ms into one.
    await expect(plane.getByTestId('mesh-added-latency')).toHaveText(/a call between two sidecars \+2 ms round trip \(1 link\); into or out of one, \+\s?1 ms/);
    await expect(page.locator('.react-flow__edge.edge--meshed')).toHaveCount(1);
    await expect(page.locator('.react-flow__edge[aria-label="Link from API to Payments, through 2 sidecars"]')).toBeVisible();

    // The link's own policy takes precedence; the teacher moves it out of the code...
    await expect(plane.getByTestId('mesh-own-policy')).toHaveText('Own policy, so not the mesh’s: API → Payments.');
    await page.locator('.react-flow__edge[aria-label^="Link from API to Payments"] .react-flow__edge-textwrapper').click();
    await app.inspector.getByLabel('Calls with a policy', { exact: true }).uncheck();
    await app.canvas.click({ position: { x: 300, y: 300 } });
    await expect(plane.getByTestId('mesh-own-policy')).toHaveCount(0);

    // ...and into the mesh: the same timeout and breaker; the control plane says them in words.
    await app.openSection('Timeout and retries');
    await app.setField('Call timeout', '300');
    await app.field('Call timeout').press('Enter');
    await app.openSection('Circuit breaker');
    await app.inspector.getByLabel('Circuit breaker', { exact: true }).check();
    const words = plane.getByRole('list', { name: 'Mesh policy in words' });
    await expect(words).toContainText('300 ms timeout');
    await expect(words).toContainText('outlier detection: the breaker opens when 50% of the last 20 calls failed');
    await expect(plane).toContainText('mTLS between sidecars');

    // A negative hop latency is refused, naming the field, and the typed text stays.
    await app.openSection('Sidecar costs');
    await app.setField('Hop latency', '-1');
    await app.field('Hop latency').press('Enter');
    await expect(app.inspector).toContainText(/0 ms or more|at least 0/i);
    await expect(app.field('Hop latency')).toHaveValue('-1');
    await app.setField('Hop latency', '0.5');
    await app.field('Hop latency').press('Enter');

    await app.setSpeed('max (as fast as possible)');
    await app.runButton.click();
    await finalTotals(page);
    const api = plane.locator('li[data-service="api"]');
    // API's sidecar took every request in and sent its calls to Payments out, each attempt counted;
    // the breaker, now the mesh's, ejected Payments while it was slow.
    await expect(api.locator('[data-figure="in"]')).toHaveText(/^[1-9][\d,]*$/);
    await expect(api.locator('[data-figure="out"]')).toHaveText(/^[1-9][\d,]*$/);
    await expect(api.locator('[data-figure="ejections"]')).toHaveText(/^[1-9]\d*$/);
    await expect(api.locator('[data-figure="cores"]')).toHaveText(/^0\.0[1-9]\d$/);
    await expect(plane).toContainText(/Sidecar CPU: 0\.\d{3} cores in all/);
    await page.screenshot({ path: 'test-results/mesh-control-plane.png' });
  });
});
