import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { LessonPanel } from './pages/lesson-panel';
import { Playground } from './pages/playground';

const TITLE = 'Health checks end the sinkhole';
const CHECK = 'Under 1% of requests fail';
const MM1 = 'M/M/1 at 80% load';

test.describe('lessons', () => {
  test('a deep link opens the lesson at its step, over the canvas it replaces', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await page.getByLabel('Scenario name').fill('My own work');
    await app.waitForAutosave('My own work');

    await app.open('/?lesson=health-checks&step=2');
    const lesson = new LessonPanel(page);
    await expect(lesson.panel(TITLE)).toBeVisible();
    await expect(lesson.stepLine).toHaveText('Step 2 of 2');
    await expect(page.getByRole('button', { name: 'Turn on active probes' })).toBeVisible();
    await expect(app.node('Load balancer')).toBeVisible();
    // The work open before is kept, as with a shared link.
    await page.getByRole('button', { name: 'Recent' }).click();
    await expect(page.getByRole('dialog', { name: 'Recent work' })).toContainText('My own work');
  });

  test('a "try this" that edits several nodes is one undo step', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.open('/?lesson=stateless-vs-stateful&step=2');
    const lesson = new LessonPanel(page);
    await lesson.tryThis('Keep sessions in the session store');
    await expect(app.toast(/Keep sessions in the session store: done/)).toBeVisible();
    await app.select('App server 3');
    await expect(app.field('Sessions')).toHaveValue('externalStore');
    await app.undo();
    await app.select('App server 3');
    await expect(app.field('Sessions')).toHaveValue('inMemory');
    await app.select('Load balancer');
    await app.openSection('Cost, TLS and stickiness');
    await expect(app.inspector.getByRole('checkbox', { name: 'Sticky sessions (cookie)' })).toBeChecked();
  });

  test('another system opened over a lesson is said, and the lesson can bring its own back', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.open('/?lesson=health-checks&step=1');
    const lesson = new LessonPanel(page);
    await expect(lesson.panel(TITLE)).toBeVisible();
    await app.openExample(MM1);
    const gone = page.getByRole('status').filter({ hasText: 'no longer shows this lesson' });
    await expect(gone).toBeVisible();
    await gone.getByRole('button', { name: "Open the lesson's system again" }).click();
    await expect(gone).toBeHidden();
    await expect(app.node('Load balancer')).toBeVisible();
  });

  test('a link to a lesson that does not exist says so and keeps the work', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await page.getByLabel('Scenario name').fill('Kept work');
    await app.waitForAutosave('Kept work');
    await app.open('/?lesson=no-such-lesson&step=1');
    await expect(app.toast(/The lesson “no-such-lesson” could not be opened; your work is unchanged/)).toBeVisible();
    await expect(page.getByLabel('Scenario name')).toHaveValue('Kept work');
    await expect(page.getByRole('region', { name: 'Live checks' })).toHaveCount(0);
    // The address forgets the broken link, so a reload does not say it again.
    await expect(page).toHaveURL(/\/$/);
  });

  test('a check fails before "try this" and turns ✓ after it, then progress survives a reload', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    const lesson = new LessonPanel(page);
    const menu = await lesson.openMenu();
    await menu.getByRole('button', { name: new RegExp(TITLE) }).click();
    await expect(lesson.stepLine).toHaveText('Step 1 of 2');
    await lesson.expectCheck(CHECK, 'pending');

    // Without health checks the crashed server swallows the traffic.
    await app.setSpeed('max (as fast as possible)');
    await app.runButton.click();
    await expect(app.runStatus).toHaveText(/^Finished/, { timeout: 30_000 });
    await lesson.expectCheck(CHECK, 'fail');
    // The same seed gives the headless run's figure (lessons.test.ts): 3,928 of 12,069 failed.
    await expect(lesson.check(CHECK)).toContainText('32.5% · target < 1.0%');

    await lesson.next();
    await expect(lesson.stepLine).toHaveText('Step 2 of 2');
    await lesson.tryThis('Turn on passive ejection');
    await lesson.tryThis('Turn on active probes');
    await expect(page).toHaveURL(/\?lesson=health-checks&step=2$/);
    await app.runButton.click();
    await expect(app.runStatus).toHaveText(/^Finished/, { timeout: 30_000 });
    await lesson.expectCheck(CHECK, 'pass');
    await expect(lesson.check(CHECK)).toContainText('passes');
    // 5 of 12,069, as headless.
    await expect(lesson.check(CHECK)).toContainText('0.04% · target < 1.0%');

    await page.reload();
    await expect(lesson.panel(TITLE)).toBeVisible();
    await expect(lesson.stepLine).toHaveText('Step 2 of 2');
    // The reload keeps the learner's canvas: the balancer still has its checks.
    await app.select('Load balancer');
    await app.openSection('Health checks');
    await expect(app.inspector.getByRole('checkbox', { name: 'Probe each target on a timer' })).toBeChecked();
    const after = await lesson.openMenu();
    await expect(after.getByRole('button', { name: new RegExp(TITLE) })).toContainText('Step 2 of 2');
  });

  test("a registry's stale calls are checked live, with the headless run's count", async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.open('/?lesson=service-discovery&step=1');
    const lesson = new LessonPanel(page);
    const stale = 'No call to an instance that has left';
    await app.setSpeed('max (as fast as possible)');
    await app.runButton.click();
    await expect(app.runStatus).toHaveText(/^Finished/, { timeout: 30_000 });
    // As lessons.test.ts counts it headless: Checkout's copy of the list names the two instances that left.
    await lesson.expectCheck(stale, 'fail');
    await expect(lesson.check(stale)).toContainText('1,208 · target < 1');
    await lesson.next();
    await lesson.next();
    await expect(lesson.stepLine).toHaveText('Step 3 of 3');
    await lesson.tryThis('Switch to server-side discovery');
    await app.runButton.click();
    await expect(app.runStatus).toHaveText(/^Finished/, { timeout: 30_000 });
    await lesson.expectCheck(stale, 'pass');
    await expect(lesson.check(stale)).toContainText('0 · target < 1');
  });

  test('the debrief completes a lesson, and the menu says Done', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.open('/?lesson=amdahls-law&step=2');
    const lesson = new LessonPanel(page);
    await lesson.next();
    await expect(lesson.stepLine).toHaveText('Debrief');
    await expect(page.getByText(/The serial 5 ms never shrinks/)).toBeVisible();
    const menu = await lesson.openMenu();
    await expect(menu.getByRole('button', { name: /Amdahl's law/ })).toContainText('Done');
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect(page.locator('.lesson')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Lessons', exact: true })).toBeFocused();
    await expect(page).toHaveURL(/\/$/);
  });

  test('the panel and the menu work from the keyboard at 1280×720 and pass axe', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    const app = new Playground(page);
    await app.openFresh();
    const lesson = new LessonPanel(page);
    const menuButton = page.getByRole('button', { name: 'Lessons', exact: true });
    await menuButton.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('dialog', { name: 'Lessons' });
    expect((await new AxeBuilder({ page }).include('.lessons-menu').analyze()).violations).toEqual([]);
    // The first lesson has focus: Enter opens it, and its title takes focus.
    await page.keyboard.press('Enter');
    await expect(menu).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Scaling out, scaling up' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Close the lesson' })).toBeFocused();
    // Every part of the panel is on screen, the checks included.
    for (const part of [lesson.stepLine, lesson.check('p99 under 200 ms'), page.getByRole('button', { name: 'Next' })]) {
      await expect(part).toBeInViewport();
    }
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
});
