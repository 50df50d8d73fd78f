import { expect, test } from '@playwright/test';
import { Playground } from './pages/playground';
import { finalTotals } from './pages/totals';

/** Instances serving that a scaling group's card states ("3/12 instances, 1 starting"). */
function serving(text: string | null): number {
  return Number.parseInt(/(\d+)\/\d+ instances/.exec(text ?? '')?.[1] ?? 'NaN', 10);
}

test.describe('a new user watches autoscaling keep up with a ramp, or not', () => {
  test('opens the ramp-and-spike example, sees the tuned group grow on its card and in its view, and the run cost', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.openExample('Autoscaling: a ramp and a spike, too slow vs tuned');
    const tuned = app.node('Tuned API').getByTestId('instance-strip');
    const slow = app.node('Slow API').getByTestId('instance-strip');
    // Before a run the cards read their bounds.
    await expect(tuned).toHaveText('2–12 instances');
    await expect(slow).toHaveText('1–12 instances');

    await app.setSpeed('100× real time');
    await app.runButton.click();
    // The tuned group follows the ramp: new instances show as starting, then serving.
    await expect(tuned).toHaveText(/starting/, { timeout: 30_000 });
    await expect.poll(async () => serving(await tuned.textContent()), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(app.runStatus).toHaveText(/^Paused/);
    // The slow group is behind: still one instance while the tuned one runs four or more.
    expect(serving(await slow.textContent())).toBeLessThan(serving(await tuned.textContent()));

    // Selected, the tuned API shows its instances over time against the arrival rate.
    await app.select('Tuned API');
    const view = page.getByTestId('instances-view');
    await expect(view).toHaveAttribute('data-last-serving', /^\d/);
    expect(Number(await view.getAttribute('data-last-serving'))).toBeGreaterThanOrEqual(3);
    expect(Number(await view.getAttribute('data-last-arrival-rate'))).toBeGreaterThan(40);
    expect(await app.chartLegend('Tuned API: instances over time')).toEqual(['arrival rate (1 instance = 20 req/s)', 'serving + starting', 'serving']);

    // The inspector says how it scales.
    await app.openSection('Autoscaling');
    await expect(app.field('Max instances')).toHaveValue('12');
    await expect(app.field('Cold start')).toHaveValue('20');

    await app.setSpeed('max (as fast as possible)');
    await app.runButton.click();
    await finalTotals(page);
    expect((await app.totalsRows()).join(' ')).toMatch(/Cost\$0\.\d\d \/ h · \$0\.099 this run/);
  });
});
