import { expect, type Locator, type Page } from '@playwright/test';

/** The lesson panel and the Lessons menu, as a learner sees them. */
export class LessonPanel {
  constructor(readonly page: Page) {}

  /** The open lesson's panel, named by its title. */
  panel(title: string): Locator {
    return this.page.getByRole('complementary', { name: title });
  }

  /** "Step 2 of 2", or "Debrief". */
  get stepLine(): Locator {
    return this.page.locator('.lesson__progress');
  }

  /** A live check by its label; its data-state is pass, fail or pending. */
  check(label: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: label });
  }

  async expectCheck(label: string, state: 'pass' | 'fail' | 'pending'): Promise<void> {
    await expect(this.check(label)).toHaveAttribute('data-state', state);
  }

  /** Presses a "try this" button. */
  async tryThis(label: string): Promise<void> {
    await this.page.getByRole('region', { name: 'Try this' }).getByRole('button', { name: label }).click();
  }

  async next(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Lesson steps' }).getByRole('button', { name: /^(Next|Debrief)$/ }).click();
  }

  /** Opens the toolbar's Lessons menu. */
  async openMenu(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Lessons', exact: true }).click();
    return this.page.getByRole('dialog', { name: 'Lessons' });
  }
}
