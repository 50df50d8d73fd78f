#!/usr/bin/env node
// Measures how soon a first visit shows the canvas: for each of --runs fresh
// browser contexts (empty cache and storage, as a first visit), the time from
// navigation start to first contentful paint, and to the first frame painted
// with the starter's node cards on the canvas. Prints each run and the median.
//
//   npm run build && node scripts/measure-first-paint.mjs [--url http://127.0.0.1:4173] [--runs 15]
//
// Without --url it serves dist/ itself with `vite preview` on a spare port.
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { locateChromium } from './find-chromium.mjs';
import { previewPage } from './preview-server.mjs';

const { values } = parseArgs({ options: { url: { type: 'string' }, runs: { type: 'string', default: '15' }, port: { type: 'string', default: '4398' } } });

const { url, stop: stopServer } = await previewPage(values.url, values.port);

/** Runs in the page before any of its scripts: notes the first frame painted after a node card is visible. */
function watchForCards() {
  // React Flow renders cards hidden until it has measured them: count the first card the user can see.
  const seen = () => {
    const card = document.querySelector('.react-flow__node');
    return card !== null && getComputedStyle(card).visibility !== 'hidden';
  };
  const observer = new MutationObserver(() => {
    if (!seen()) return;
    observer.disconnect();
    // The frame after the next is the first one painted with the cards in it.
    requestAnimationFrame(() => requestAnimationFrame(() => (window.__canvasPaintedAt = performance.now())));
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') window.__firstContentfulPaint = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
}

const browser = await chromium.launch({
  executablePath: locateChromium() ?? undefined,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const fcp = [];
const canvas = [];
try {
  // One warm-up visit: the first launch pays for Chromium's own start-up, not the page's.
  for (let run = 0; run <= Number(values.runs); run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.addInitScript(watchForCards);
    await page.goto(url);
    await page.waitForFunction(() => typeof window.__canvasPaintedAt === 'number', null, { timeout: 30_000 });
    const figures = await page.evaluate(() => ({
      fcp: window.__firstContentfulPaint ?? Number.NaN,
      canvas: window.__canvasPaintedAt,
    }));
    await context.close();
    if (run === 0) continue;
    fcp.push(figures.fcp);
    canvas.push(figures.canvas);
    console.log(`run ${String(run).padStart(2)}: first contentful paint ${figures.fcp.toFixed(0)} ms, canvas with its cards ${figures.canvas.toFixed(0)} ms`);
  }
  console.log(`median of ${canvas.length}: first contentful paint ${median(fcp).toFixed(0)} ms, canvas with its cards ${median(canvas).toFixed(0)} ms (min ${Math.min(...canvas).toFixed(0)}, max ${Math.max(...canvas).toFixed(0)})`);
} finally {
  await browser.close();
  stopServer();
}

function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
