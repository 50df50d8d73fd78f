import { type Download, expect, type Locator, type Page } from '@playwright/test';

/** Palette names of the node kinds, as a user reads them. */
export type KindTitle = 'Client' | 'Load balancer' | 'Server' | 'Database' | 'Cache' | 'CDN' | 'Session store' | 'Message queue' | 'Topic' | 'Parallel job' | 'API gateway' | 'Service registry' | 'Connection pooler';

const AUTOSAVE_KEY = 'scale-playground:autosave:v1';

/** The playground as a user sees it: a page object for the e2e specs (editor and run). */
export class Playground {
  constructor(readonly page: Page) {}

  /** Opens `path` (default the app) and waits for the live canvas (not the build's prepainted picture of it). */
  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.canvas).toBeVisible();
    await expect(this.page.locator('#root[data-prepaint]')).toHaveCount(0);
  }

  /** Opens the app as a first-time visitor: no autosave, so the starter scenario. */
  async openFresh(): Promise<void> {
    await this.page.goto('/');
    await this.page.evaluate(() => localStorage.clear());
    await this.open('/');
  }

  /** Starts an empty scenario with the toolbar's New button. */
  async startEmpty(): Promise<void> {
    await this.page.getByRole('button', { name: 'New', exact: true }).click();
    await expect(this.nodes).toHaveCount(0);
  }

  get canvas(): Locator {
    return this.page.locator('.react-flow__pane');
  }

  get nodes(): Locator {
    return this.page.locator('.react-flow__node');
  }

  get links(): Locator {
    return this.page.locator('.react-flow__edge');
  }

  get inspector(): Locator {
    return this.page.getByRole('complementary', { name: 'Inspector' });
  }

  get toasts(): Locator {
    return this.page.locator('.toast');
  }

  /** The message (toast) that contains `text`. */
  toast(text: string | RegExp): Locator {
    return this.toasts.filter({ hasText: text });
  }

  /** The node card whose name is exactly `label`. */
  node(label: string): Locator {
    return this.nodes.filter({ has: this.page.locator('.node-card__label').getByText(label, { exact: true }) });
  }

  /** The link drawn from one node to another. */
  link(fromLabel: string, toLabel: string): Locator {
    return this.page.locator(`.react-flow__edge[aria-label="Link from ${fromLabel} to ${toLabel}"]`);
  }

  /** The names on every node card, in scenario order. */
  async nodeLabels(): Promise<string[]> {
    return this.page.locator('.node-card__label').allTextContents();
  }

  /**
   * Drags a kind from the palette onto the canvas at `at` (pixels from the
   * canvas's top-left; default its centre) and returns the new node's name.
   */
  async addNode(kind: KindTitle, at?: { x: number; y: number }): Promise<string> {
    const before = await this.nodes.count();
    await this.page.getByRole('button', { name: `Add ${kind}` }).dragTo(this.canvas, at ? { targetPosition: at } : undefined);
    await expect(this.nodes).toHaveCount(before + 1);
    // A new node is selected, so the inspector shows its name.
    return this.inspector.getByLabel('Name', { exact: true }).inputValue();
  }

  /** Drags from the right handle of one node to the left handle of another. */
  async connect(fromLabel: string, toLabel: string): Promise<void> {
    const from = await this.center(this.node(fromLabel).locator('.react-flow__handle.source'));
    const to = await this.center(this.node(toLabel).locator('.react-flow__handle.target'));
    const mouse = this.page.mouse;
    await mouse.move(from.x, from.y);
    await mouse.down();
    await mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await mouse.move(to.x, to.y, { steps: 5 });
    await mouse.up();
  }

  /** Clicks a node so the inspector shows it. */
  async select(label: string): Promise<void> {
    await this.node(label).locator('.node-card__label').click();
    await expect(this.inspector.getByLabel('Name', { exact: true })).toHaveValue(label);
  }

  /** Clicks a link's label so the inspector shows it. */
  async selectLink(fromLabel: string, toLabel: string): Promise<void> {
    await this.link(fromLabel, toLabel).locator('.react-flow__edge-textwrapper').click();
    await expect(this.inspector.getByRole('heading', { name: 'Link' })).toBeVisible();
  }

  /** The inspector field with this exact label (e.g. "Workers", "Service time mean"). */
  field(label: string): Locator {
    return this.inspector.getByLabel(label, { exact: true });
  }

  /** Types `value` into an inspector field, replacing what was there. */
  async setField(label: string, value: string): Promise<void> {
    await this.field(label).fill(value);
  }

  /** Unfolds a folded group of inspector fields, e.g. "What the requests look like". */
  async openSection(title: string): Promise<void> {
    const section = this.inspector.locator('details.section').filter({ has: this.page.locator('.section__title', { hasText: title }) });
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
  }

  /** How busy a node's card says it is, in percent (its last metrics window). */
  async busy(label: string): Promise<number> {
    const text = (await this.node(label).getByText(/\d+ % busy/).textContent()) ?? '';
    return Number.parseFloat(text);
  }

  /** Picks an example from the toolbar's menu by its full name. */
  async openExample(name: string): Promise<void> {
    await this.page.getByLabel('Open an example').selectOption({ label: name });
  }

  /** The run button, whichever it reads (Run, Resume, Run again). */
  get runButton(): Locator {
    return this.page.getByRole('button', { name: /^(Run|Resume|Run again)$/ });
  }

  /** The run's state as the controls say it: Ready, Running at 1×, Paused, Finished… */
  get runStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^(Ready|Running|Paused|Finished)/ });
  }

  /** The run clock, "12.3 s / 60 s". */
  get runClock(): Locator {
    return this.page.getByTestId('sim-time');
  }

  /** Simulated seconds the run clock shows. */
  async simTime(): Promise<number> {
    return Number.parseFloat((await this.runClock.textContent()) ?? '');
  }

  /** Chooses a speed by its label in the Speed menu, e.g. "max (as fast as possible)". */
  async setSpeed(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Speed', exact: true }).selectOption({ label });
  }

  /** The series a live chart's legend names, e.g. chartLegend('Utilization per node'). */
  async chartLegend(title: string): Promise<string[]> {
    return this.page.getByRole('img', { name: title, exact: true }).locator('.sp-legend text').allTextContents();
  }

  /** The totals table, row by row, as text. */
  totalsRows(): Promise<string[]> {
    return this.page.getByRole('table', { name: 'Totals' }).getByRole('row').allTextContents();
  }

  /** Presses Share and returns the link it made. */
  async share(): Promise<string> {
    await this.page.getByRole('button', { name: 'Share' }).click();
    const link = this.page.getByLabel('Share link');
    await expect(link).toHaveValue(/#s=\d+\./);
    const url = await link.inputValue();
    await this.page.getByRole('button', { name: 'Done' }).click();
    return url;
  }

  /** Picks `item` in the Export menu and returns the download it starts. */
  async exportFile(item: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Export' }).click();
    await this.page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: item }).click();
    return download;
  }

  /** Exports the scenario file (Export → JSON) and returns its text. */
  async exportScenario(): Promise<string> {
    const file = await this.exportFile('Scenario file (JSON)');
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  /** Imports a scenario file with the given name and text, as if chosen in the file dialog. */
  async importScenario(name: string, text: string): Promise<void> {
    await this.page.getByLabel('Import scenario file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** Undo with the keyboard, as a user would (focus on the canvas, not a text field). */
  async undo(): Promise<void> {
    await this.canvas.click({ position: { x: 5, y: 5 } });
    await this.page.keyboard.press('ControlOrMeta+z');
  }

  /** Waits until the autosave holds the current work (it is written shortly after each edit). */
  async waitForAutosave(contains: string): Promise<void> {
    await expect.poll(() => this.page.evaluate((key) => localStorage.getItem(key) ?? '', AUTOSAVE_KEY)).toContain(contains);
  }

  private async center(locator: Locator): Promise<{ x: number; y: number }> {
    const box = await locator.boundingBox();
    if (!box) throw new Error('element is not visible');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
}
