#!/usr/bin/env node
// Measures how soon the canvas shows its cards, on the production build:
// for each of --runs rounds, in fresh browser contexts (empty cache and
// storage, as a first visit):
//   - a yardstick: a trivial static HTML page from the same server, so a
//     busy machine shows up as a slow yardstick rather than a slow app;
//   - a cold visit: the first visit, which opens the starter;
//   - a warm visit: the same context opened again after one edit, as a
//     returning user (HTTP cache and service worker warm, the edit autosaved
//     and its prepaint snapshot stored, so a build paints it from storage).
// "Canvas with its cards" is the first frame in which every card's name is
// painted (Element Timing: the presentation time of the frame the user sees,
// not a callback time), and the breakdown says where the time before it went:
// wall-clock time between the page's own marks (src/first-paint-marks.ts),
// and the main thread's CPU time in each step from a Chromium trace, which a
// machine busy with other work slows down far less than the wall clock.
//
//   npm run build && node scripts/measure-first-paint.mjs [--runs 15] [--port 4398] [--dist dist] [--peer <dist>]
//
// It serves a copy of --dist (plus the yardstick page) with `vite preview`. --peer names another app's built
// site (a comparable playground's `dist/`), served the same way on the next port: each round then also opens
// it on a first visit and takes its first contentful paint, so the comparison is a ratio from one run.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { locateChromium } from './find-chromium.mjs';
import { previewPage } from './preview-server.mjs';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '15' }, port: { type: 'string', default: '4398' }, dist: { type: 'string', default: 'dist' }, peer: { type: 'string' } },
});
const runs = Number(values.runs);

// The yardstick lives beside the app in a copy of dist/, so dist/ itself stays the build.
const served = mkdtempSync(join(tmpdir(), 'first-paint-'));
cpSync(values.dist, served, { recursive: true });
writeFileSync(join(served, 'yardstick.html'), '<!doctype html><html lang="en"><meta charset="utf-8"><title>Yardstick</title><p>A static page with one line of text.</p></html>\n');
const { url, stop: stopServer } = await previewPage(undefined, values.port, ['--outDir', served]);
const peer = values.peer ? await previewPage(undefined, String(Number(values.port) + 1), ['--outDir', values.peer]) : null;

/** Runs in the page before its scripts: keeps paint, card and long-task entries (each card's name carries `elementtiming="card:<id>"`). */
function watchPaints() {
  const seen = (window.__paints = { fcp: null, cards: new Map(), longTasks: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.entryType === 'paint' && e.name === 'first-contentful-paint') seen.fcp = e.startTime;
      if (e.entryType === 'element' && e.identifier.startsWith('card:') && !seen.cards.has(e.identifier)) seen.cards.set(e.identifier, e.renderTime || e.loadTime);
      if (e.entryType === 'longtask') seen.longTasks.push({ start: e.startTime, duration: e.duration });
    }
  }).observe({ entryTypes: ['paint', 'element', 'longtask'] });
  // The first contentful paint if it came after the prepaint was shown, else null (see cardsPainted).
  window.prepaintFrame = () => {
    const shown = performance.getEntriesByName('app:prepaint-shown', 'mark')[0]?.startTime;
    return shown !== undefined && seen.fcp !== null && seen.fcp >= shown ? seen.fcp : null;
  };
}

/**
 * In the page: true once every card on the canvas has had its name painted. A prepainted page (src/prepaint)
 * counts from the first contentful paint after its boot script showed it: #root is not painted at all before
 * that, so that frame holds the whole page, cards included. (Element Timing may not say so itself: Chromium
 * drops the entry of an element React has already replaced when the frame's presentation time comes back.)
 */
function cardsPainted() {
  const cards = document.querySelectorAll('.react-flow__node');
  return cards.length > 0 && (window.prepaintFrame() !== null || [...cards].every((c) => window.__paints.cards.has(`card:${c.getAttribute('data-id')}`)));
}


/** In the page: the timeline of the visit, in ms since navigation start. */
function timeline() {
  const p = window.__paints;
  const prepainted = window.prepaintFrame();
  const canvas = prepainted ?? Math.max(...p.cards.values());
  const nav = performance.getEntriesByType('navigation')[0];
  const entry = document.querySelector('script[type="module"][src]')?.src;
  const script = performance.getEntriesByType('resource').find((r) => r.name === entry);
  const mark = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? Number.NaN;
  const before = p.longTasks.filter((t) => t.start < canvas);
  return {
    html: nav.responseEnd,
    script: script?.responseEnd ?? Number.NaN,
    moduleStart: mark('app:module-start'),
    main: mark('app:main'),
    render: mark('app:render'),
    commit: mark('app:first-commit'),
    fcp: p.fcp ?? Number.NaN,
    canvas,
    longTasks: before.length,
    longTaskMs: before.reduce((sum, t) => sum + t.duration, 0),
    cards: p.cards.size,
    prepainted: prepainted !== null,
    controlled: navigator.serviceWorker?.controller != null,
    source: performance.getEntriesByName('app:render', 'mark')[0]?.detail?.source ?? '?',
  };
}

/** Opens `address` in `context`, traced, and returns its timeline once the canvas's cards are painted. */
async function visit(context, address) {
  const page = await context.newPage();
  const trace = await startTrace();
  await page.goto(address);
  await page.waitForFunction(cardsPainted, null, { timeout: 30_000, polling: 50 });
  const figures = await page.evaluate(timeline);
  return { page, figures: { ...figures, cpu: cpuSteps(await trace.stop(), address, figures) } };
}

/** Starts a Chromium trace of the main thread's tasks; `stop()` resolves to its events. */
async function startTrace() {
  const events = [];
  const collect = (data) => events.push(...data.value);
  devtools.on('Tracing.dataCollected', collect);
  await devtools.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'v8'] },
  });
  return {
    async stop() {
      const complete = new Promise((resolve) => devtools.once('Tracing.tracingComplete', resolve));
      await devtools.send('Tracing.end');
      await complete;
      devtools.off('Tracing.dataCollected', collect);
      return events;
    },
  };
}

/**
 * The main thread's CPU time (the trace's thread durations) in each step of `figures`' timeline, up to the
 * canvas's paint, and the background thread's time parsing the entry script while it downloaded.
 */
function cpuSteps(events, address, figures) {
  const nav = events.filter((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith(address)).at(-1);
  if (!nav) return null;
  const at = (ms) => nav.ts + ms * 1000;
  const tasks = [];
  for (const e of events.filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === 'X' && e.name === 'RunTask').sort((a, b) => a.ts - b.ts)) {
    const last = tasks.at(-1);
    if (!last || e.ts >= last.ts + last.dur) tasks.push(e);
  }
  // A task spanning a step's edge (the bundle's evaluation holds three marks) is shared in proportion to its wall time.
  const cpuBetween = (from, to) =>
    tasks.reduce((sum, t) => {
      const overlap = Math.min(t.ts + t.dur, to) - Math.max(t.ts, from);
      return overlap > 0 && t.dur > 0 ? sum + ((t.tdur ?? 0) * overlap) / t.dur / 1000 : sum;
    }, 0);
  // A prepainted canvas can paint before the bundle runs: then only the steps before it count.
  const edges = [0, figures.moduleStart, figures.main, figures.render, figures.commit, figures.canvas].map((ms) => at(Math.min(ms, figures.canvas)));
  const steps = STEPS.map((_, i) => cpuBetween(edges[i], edges[i + 1]));
  const entry = events.find((e) => e.name === 'v8.parseOnBackground' && e.pid === nav.pid && e.args?.data?.url?.includes('/assets/index-'));
  return { steps, total: steps.reduce((a, b) => a + b, 0), backgroundParse: (entry?.tdur ?? 0) / 1000 };
}

/**
 * A user's edit (a card dragged a little), then waits until it is autosaved, the page has stored the prepaint
 * snapshot of the autosaved work (src/prepaint/snapshot.ts; 2 s after the edit plus a render in a worker) and the
 * service worker is active.
 */
async function editAndSettle(page) {
  const card = page.locator('.react-flow__node').first();
  const box = await card.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 20, box.y + 30, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(() => localStorage.getItem('scale-playground:autosave:v1') !== null, null, { timeout: 10_000 });
  // Without a snapshot the warm visit starts blank and says so ("prepainted" missing from its line).
  await page
    .waitForFunction(() => JSON.parse(localStorage.getItem('scale-playground:prepaint:v1') ?? 'null')?.scenario === localStorage.getItem('scale-playground:autosave:v1'), null, { timeout: 15_000 })
    .catch(() => console.log('  (no prepaint snapshot of the edit within 15 s)'));
  await page.evaluate(() => {
    const active = navigator.serviceWorker?.ready.then((registration) => {
      const worker = registration.active;
      if (!worker || worker.state === 'activated') return;
      return new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
    });
    return Promise.race([active, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  });
  // A user returns later, not the moment the worker is active: let the install's after-work (code caching) finish.
  await page.waitForTimeout(2000);
}

/** The steps between the timeline's marks, for the CPU breakdown. */
const STEPS = [
  'navigation to the bundle running (HTML, fetch, compile)',
  'evaluating the bundle (modules, zod schemas)',
  'choosing the scenario (autosave, link, starter)',
  'first React render and commit',
  'commit to the painted frame (layout, paint)',
];

const browser = await chromium.launch({
  executablePath: locateChromium() ?? undefined,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const devtools = await browser.newBrowserCDPSession();
const rows = [];
try {
  // Round 0 warms up Chromium itself (its first launch pays for its own start-up) and is not counted.
  for (let run = 0; run <= runs; run++) {
    const yardContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const yardPage = await yardContext.newPage();
    await yardPage.addInitScript(watchPaints);
    await yardPage.goto(`${url}/yardstick.html`);
    const yardstick = await yardPage.waitForFunction(() => window.__paints.fcp).then((h) => h.jsonValue());
    await yardContext.close();

    const peerFcp = { cold: Number.NaN, warm: Number.NaN };
    if (peer) {
      // A first visit, then a return visit in the same context (its HTTP cache warm).
      const peerContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      await peerContext.addInitScript(watchPaints);
      for (const kind of ['cold', 'warm']) {
        const peerPage = await peerContext.newPage();
        await peerPage.goto(peer.url);
        peerFcp[kind] = await peerPage.waitForFunction(() => window.__paints.fcp).then((h) => h.jsonValue());
        await peerPage.close();
      }
      await peerContext.close();
    }

    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(watchPaints);
    const cold = await visit(context, url);
    await editAndSettle(cold.page);
    await cold.page.close();
    const warm = await visit(context, url);
    await context.close();
    if (run === 0) continue;
    rows.push({ yardstick, peerFcp, cold: cold.figures, warm: warm.figures });
    const line = (f) => `${ms(f.canvas)} (FCP ${ms(f.fcp)}, main thread CPU ${ms(f.cpu?.total)}, ${f.source}${f.prepainted ? ', prepainted' : ''}${f.controlled ? ', service worker' : ''})`;
    console.log(`run ${String(run).padStart(2)}: yardstick ${ms(yardstick)}${peer ? ` | peer's first paint ${ms(peerFcp.cold)}/${ms(peerFcp.warm)}` : ''} | cold: canvas with its cards ${line(cold.figures)} | warm: ${line(warm.figures)}`);
  }
  report(rows);
} finally {
  await browser.close();
  stopServer();
  peer?.stop();
  rmSync(served, { recursive: true, force: true });
}

function report(rows) {
  const col = (pick) => ms(median(rows.map(pick)));
  const steps = [
    ['HTML received', 'html'],
    ['entry script received', 'script'],
    ['script starts running (parsed, compiled)', 'moduleStart'],
    ['imports evaluated, main.tsx runs', 'main'],
    ['scenario chosen, React render asked', 'render'],
    ['first React commit done', 'commit'],
    ['first contentful paint', 'fcp'],
    ['canvas with its cards painted', 'canvas'],
  ];
  console.log(`\nmedians of ${rows.length} visits, ms from navigation start      cold    warm`);
  for (const [label, key] of steps) console.log(`  ${label.padEnd(52)} ${col((r) => r.cold[key]).padStart(6)}  ${col((r) => r.warm[key]).padStart(6)}`);
  console.log(`  ${'long tasks before the canvas: count'.padEnd(52)} ${col((r) => r.cold.longTasks).padStart(6)}  ${col((r) => r.warm.longTasks).padStart(6)}`);
  console.log(`  ${'long tasks before the canvas: total'.padEnd(52)} ${col((r) => r.cold.longTaskMs).padStart(6)}  ${col((r) => r.warm.longTaskMs).padStart(6)}`);
  const traced = rows.filter((r) => r.cold.cpu && r.warm.cpu);
  if (traced.length > 0) {
    const cpu = (pick) => ms(median(traced.map(pick)));
    console.log(`main thread's CPU time (medians of ${traced.length}, ms)                 cold    warm`);
    for (const [i, label] of STEPS.entries()) {
      console.log(`  ${label.padEnd(62)} ${cpu((r) => r.cold.cpu.steps[i]).padStart(6)}  ${cpu((r) => r.warm.cpu.steps[i]).padStart(6)}`);
    }
    console.log(`  ${'total before the canvas is painted'.padEnd(62)} ${cpu((r) => r.cold.cpu.total).padStart(6)}  ${cpu((r) => r.warm.cpu.total).padStart(6)}`);
    console.log(`  ${'background thread parsing the bundle as it downloads'.padEnd(62)} ${cpu((r) => r.cold.cpu.backgroundParse).padStart(6)}  ${cpu((r) => r.warm.cpu.backgroundParse).padStart(6)}`);
  }
  console.log(`prepainted visits: cold ${rows.filter((r) => r.cold.prepainted).length} of ${rows.length}, warm ${rows.filter((r) => r.warm.prepainted).length} of ${rows.length}`);
  const yard = median(rows.map((r) => r.yardstick));
  for (const kind of ['cold', 'warm']) {
    const canvas = rows.map((r) => r[kind].canvas);
    console.log(
      `${kind}: canvas with its cards, median ${ms(median(canvas))} ms (min ${ms(Math.min(...canvas))}, max ${ms(Math.max(...canvas))}); ` +
        `yardstick page's first paint ${ms(yard)} ms; difference ${ms(median(rows.map((r) => r[kind].canvas - r.yardstick)))} ms`,
    );
  }
  if (peer) {
    for (const kind of ['cold', 'warm']) {
      const peerFcp = median(rows.map((r) => r.peerFcp[kind]));
      const ours = median(rows.map((r) => r[kind].canvas));
      console.log(`peer (${values.peer}), ${kind}: first contentful paint, median ${ms(peerFcp)} ms; ours over the peer's ${(ours / peerFcp).toFixed(2)}`);
    }
  }
}

function ms(x) {
  return Number.isFinite(x) ? x.toFixed(0) : '–';
}

function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
