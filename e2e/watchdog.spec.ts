import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';
import { armWorkerFaults, breakWorker } from './pages/worker-faults';

test.describe('a simulation worker that stops without a word', () => {
  for (const fault of ['close', 'hang'] as const) {
    test(`a worker that ${fault === 'close' ? 'closes itself' : 'hangs in a loop'} is reported within 2 s, and Restart runs again`, async ({ page }) => {
      await armWorkerFaults(page);
      const app = new Playground(page);
      await app.openFresh();
      const labels = await app.nodeLabels();
      const status = page.getByRole('status').filter({ hasText: /Ready|Running|Paused/ });
      await page.getByRole('button', { name: /^Run/ }).click();
      await expect(status).toContainText('Running at 1×');

      const tookMs = await breakWorker(page, fault, 'stopped answering');
      expect(tookMs).toBeLessThan(2000);
      const alert = page.getByRole('alert').filter({ hasText: 'simulation worker' });
      await expect(alert).toContainText('it closed or hung');
      await expect(alert).toContainText('Your scenario is unchanged: press Restart');
      await expect(status).toHaveText('Ready');

      await page.getByRole('button', { name: 'Restart' }).click();
      await expect(alert).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Restart' })).toHaveCount(0);
      expect(await app.nodeLabels()).toEqual(labels);
      await page.getByRole('button', { name: /^Run/ }).click();
      await expect(status).toContainText('Running');
      await expect(page.getByTestId('sim-time')).not.toHaveText(/^0\.0 s/);
      await page.getByRole('button', { name: 'Reset' }).click();
      await expect(page.getByTestId('sim-time')).toHaveText(/^0\.0 s/);
    });
  }
});
