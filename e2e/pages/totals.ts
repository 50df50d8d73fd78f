import { expect, type Page } from '@playwright/test';

/**
 * Waits until the totals table shows a finished run's report and has stopped
 * changing. The status says "Finished" as soon as the last frame arrives, but
 * the table redraws only a few times a second, so reading it at once can
 * catch the figures of a moment earlier.
 */
export async function finalTotals(page: Page): Promise<string[]> {
  await expect(page.getByRole('status').filter({ hasText: /^(Ready|Running|Paused|Finished)/ })).toHaveText(/^Finished/, {
    timeout: 45_000,
  });
  await expect(page.locator('.sp-totals [data-total="throughput"] th')).toHaveAttribute('title', 'completed per second after the warm-up');
  const figures = () => page.locator('.sp-totals td').allTextContents();
  let last = '';
  await expect
    .poll(async () => {
      const now = (await figures()).join('|');
      const settled = now === last;
      last = now;
      return settled;
    })
    .toBe(true);
  return figures();
}
