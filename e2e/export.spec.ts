import { readFile } from 'node:fs/promises';
import { type Download, expect, type Page, test } from '@playwright/test';
import { Playground } from './pages/playground';

test.use({ viewport: { width: 1280, height: 720 } });

/** The downloaded file's bytes. */
async function bytesOf(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Asserts `png` is `box` at twice its size, give or take the one CSS pixel html-to-image rounds to. */
function expectTwiceTheSize(png: Buffer, box: { width: number; height: number } | null): void {
  const size = pngSize(png);
  expect(box).not.toBeNull();
  expect(Math.abs(size.width - (box?.width ?? 0) * 2)).toBeLessThanOrEqual(2);
  expect(Math.abs(size.height - (box?.height ?? 0) * 2)).toBeLessThanOrEqual(2);
}

/** Share of the PNG's pixels that differ from its top-left pixel, decoded by the browser. */
function inkShare(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    if (!context) return 0;
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    let differ = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) differ++;
    return differ / (data.length / 4);
  }, png.toString('base64'));
}

/** Runs the starter for `seconds` at max speed to its end. */
async function runToEnd(app: Playground, seconds: number): Promise<void> {
  await app.page.getByLabel('Duration (s)').fill(String(seconds));
  await app.setSpeed('max (as fast as possible)');
  await app.runButton.click();
  await expect(app.runStatus).toHaveText(/^Finished/, { timeout: 30_000 });
}

test.describe('export', () => {
  test('the canvas as PNG is a picture of the canvas at twice its size on screen, particles included', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await app.setSpeed('1× real time');
    await app.runButton.click();
    // Particles on their way: the picture has to carry them.
    await expect(page.getByTestId('particle-overlay')).not.toHaveAttribute('data-particles', '0', { timeout: 10_000 });
    // While it runs: a paused run's particles finish their flights and the overlay empties.
    const svg = (await bytesOf(await app.exportFile('Canvas as SVG'))).toString('utf8');
    expect(svg).toMatch(/^<svg [^>]*width="\d+"/);
    expect(svg).toContain('API server 1');
    // The particles' frame, laid over the page's copy, with particles on it.
    const particles = /<image href="data:image\/png;base64,([^"]+)" x="[\d.]+" y="[\d.]+"/.exec(svg)?.[1] ?? '';
    expect(await inkShare(page, Buffer.from(particles, 'base64'))).toBeGreaterThan(0.0005);

    const box = await page.locator('.workspace .react-flow').boundingBox();
    const png = await bytesOf(await app.exportFile('Canvas as PNG'));
    expectTwiceTheSize(png, box);
    expect(png.length).toBeGreaterThan(20_000);
    // Cards, links and legends cover a good part of it; a blank picture would be one colour.
    expect(await inkShare(page, png)).toBeGreaterThan(0.05);

  });

  test('each chart exports as PNG and as a plain vector SVG', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await runToEnd(app, 10);
    const figure = page.locator('.sp-chart-figure').filter({ has: page.getByRole('img', { name: 'Latency percentiles' }) });
    const box = await figure.boundingBox();
    const png = await bytesOf(await app.exportFile('Latency percentiles as PNG'));
    expectTwiceTheSize(png, box);
    expect(await inkShare(page, png)).toBeGreaterThan(0.01);

    const svg = (await bytesOf(await app.exportFile('Throughput as SVG'))).toString('utf8');
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<title>Throughput</title>');
    expect(svg).not.toContain('foreignObject');
    // Lines keep their colour without the page's style sheet.
    expect(svg).toMatch(/<path[^>]*style="[^"]*stroke:\s*rgb\(/);
  });

  test('the metric windows as CSV have the documented columns and a row per window', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await page.getByRole('button', { name: 'Export' }).click();
    await expect(page.getByRole('menuitem', { name: /Metric windows \(CSV\)/ })).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Escape');
    await runToEnd(app, 10);
    const csv = (await bytesOf(await app.exportFile('Metric windows (CSV)'))).toString('utf8');
    const lines = csv.trimEnd().split('\r\n');
    const node = (id: string) => ['utilization', 'queue_length', 'p99_ms', 'served', 'dropped'].map((c) => `${id}.${c}`);
    expect(lines[0]?.split(',')).toEqual([
      'start_s',
      'end_s',
      'completed',
      'failed',
      'throughput_per_s',
      'p50_ms',
      'p95_ms',
      'p99_ms',
      ...node('client-1'),
      ...node('lb-1'),
      ...node('server-1'),
      ...node('server-2'),
      ...node('database-1'),
    ]);
    expect(lines).toHaveLength(1 + 10);
    expect(lines[1]?.split(',').slice(0, 2)).toEqual(['0', '1']);
    expect(lines[10]?.split(',').slice(0, 2)).toEqual(['9', '10']);
  });

  test('the Export menu works from the keyboard', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    const button = page.getByRole('button', { name: 'Export' });
    await button.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Export' });
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Canvas as PNG' })).toBeFocused();
    await page.keyboard.press('End');
    await expect(menu.getByRole('menuitem', { name: 'Record a run (WebM)…' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Scenario file (JSON)' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(button).toBeFocused();
    const download = page.waitForEvent('download');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect((await download).suggestedFilename()).toBe('two-servers-behind-a-load-balancer.json');
  });

  test('a run records to WebM, with a size estimate first and progress while it goes', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await page.getByLabel('Duration (s)').fill('10');
    await app.setSpeed('5× real time');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'Record a run (WebM)…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a run' });
    // 10 s at 5×: 2 s of video at 2.5 Mbit/s.
    await expect(dialog.getByTestId('record-estimate')).toHaveText('Up to about 625 kB for 2 s of video (the rest of the run at 5×).');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Start recording' }).click();
    await expect(dialog.getByTestId('record-progress')).toContainText(/Recording: \d+ s, \d+ kB/);
    const video = await bytesOf(await download);
    // WebM is Matroska: it opens with the EBML magic number.
    expect(video.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
    expect(video.length).toBeGreaterThan(1000);
    await expect(dialog.getByRole('status')).toHaveText(/^Saved two-servers-behind-a-load-balancer-run\.webm \(\d+ kB\)\.$/);
    await expect(app.runStatus).toHaveText(/^Finished/);
  });
});
