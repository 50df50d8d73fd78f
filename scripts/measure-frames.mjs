#!/usr/bin/env node
// Measures the main thread while the playground runs: requestAnimationFrame
// intervals, long tasks (PerformanceObserver 'longtask') and busy time in
// headless Chromium, at 1× real time and at max speed with thousands of
// particles (drawn by the overlay's worker: `data-drawn` is its latest count).
//
//   npm run build && node scripts/measure-frames.mjs [--url http://127.0.0.1:4173] [--seconds 5]
//
// Without --url it serves dist/ itself with `vite preview` on a spare port.
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { locateChromium } from './find-chromium.mjs';
import { previewPage } from './preview-server.mjs';

const { values } = parseArgs({ options: { url: { type: 'string' }, seconds: { type: 'string', default: '5' }, port: { type: 'string', default: '4399' } } });
const seconds = Number(values.seconds);

const MARKER = `--measure-frames-run=${process.pid}`;
const { url, stop: stopServer } = await previewPage(values.url, values.port);

const browser = await chromium.launch({
  executablePath: locateChromium() ?? undefined,
  // The marker (a switch Chromium ignores) lets rendererThreadTimes find this browser's processes.
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', MARKER],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // Chromium's own counters: how long the main thread was busy, and with what.
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Performance.enable');
  const counters = async () => Object.fromEntries((await devtools.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await page.goto(url);
  await page.evaluate(() => localStorage.clear());
  await page.goto(url);
  await page.getByTestId('particle-overlay').waitFor({ state: 'attached' });
  // Long enough that no run ends during a measurement.
  await page.getByLabel('Duration (s)').fill('100000');

  for (const speed of ['1× real time', '100× real time', 'max (as fast as possible)']) {
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByLabel('Speed').selectOption({ label: speed });
    await page.getByRole('button', { name: /^(Run|Resume)$/ }).click();
    // Let start-up settle (first layouts, the sampling rate finding its level).
    await sleep(1500);
    const cpuBefore = rendererThreadTimes();
    const countersBefore = await counters();
    const figures = await page.evaluate(measure, seconds * 1000);
    const countersAfter = await counters();
    const cpuAfter = rendererThreadTimes();
    report(speed, figures);
    reportBusy(countersBefore, countersAfter);
    reportCpu(cpuBefore, cpuAfter, figures.wallSeconds);
    const pause = page.getByRole('button', { name: 'Pause' });
    if (await pause.isVisible()) await pause.click();
    else console.log(`  (the run was no longer going: ${await page.getByRole('status').first().textContent()})`);
  }
} finally {
  await browser.close();
  stopServer();
}

/** Runs in the page: records rAF intervals, long tasks and particle counts for `ms`. */
function measure(ms) {
  return new Promise((resolve) => {
    const deltas = [];
    const longTasks = [];
    const drawn = [];
    const canvas = document.querySelector('[data-testid="particle-overlay"]');
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const timeText = () => document.querySelector('[data-testid="sim-time"]')?.textContent ?? '';
    const simStart = Number.parseFloat(timeText());
    const start = performance.now();
    let last = start;
    const tick = (now) => {
      deltas.push(now - last);
      last = now;
      drawn.push(Number(canvas?.dataset.drawn ?? 0));
      if (now - start < ms) requestAnimationFrame(tick);
      else {
        observer.disconnect();
        const sampling = document.querySelector('[data-testid="particle-sampling"]')?.textContent ?? 'every request drawn';
        resolve({ deltas, longTasks, drawn, sampling, simSeconds: Number.parseFloat(timeText()) - simStart, wallSeconds: (now - start) / 1000 });
      }
    };
    requestAnimationFrame(tick);
  });
}

function report(speed, { deltas, longTasks, drawn, sampling, simSeconds, wallSeconds }) {
  const sorted = [...deltas].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = deltas.reduce((a, b) => a + b, 0) / deltas.length;
  const drawnSorted = [...drawn].sort((a, b) => a - b);
  console.log(`\n${speed}: ${deltas.length} frames in ${wallSeconds.toFixed(1)} s (${(deltas.length / wallSeconds).toFixed(1)} fps), simulated ${simSeconds.toFixed(1)} s`);
  console.log(`  frame interval ms: mean ${mean.toFixed(1)}  p50 ${pick(0.5).toFixed(1)}  p95 ${pick(0.95).toFixed(1)}  p99 ${pick(0.99).toFixed(1)}  max ${sorted.at(-1).toFixed(1)}`);
  console.log(`  frames over 20 ms: ${deltas.filter((d) => d > 20).length}`);
  console.log(`  particles drawn per frame: median ${drawnSorted[Math.floor(drawnSorted.length / 2)]}  max ${drawnSorted.at(-1)}  (${sampling})`);
  console.log(`  long tasks: ${longTasks.length}${longTasks.length ? `, longest ${Math.max(...longTasks).toFixed(0)} ms` : ''}; over 50 ms: ${longTasks.filter((d) => d > 50).length}`);
}

/** Main-thread busy time per wall second, from Chromium's Performance domain counters (seconds). */
function reportBusy(before, after) {
  const wall = after.Timestamp - before.Timestamp;
  const perSecond = (name) => (((after[name] ?? 0) - (before[name] ?? 0)) / wall) * 1000;
  console.log(
    `  main thread busy per second: ${perSecond('TaskDuration').toFixed(0)} ms (script ${perSecond('ScriptDuration').toFixed(0)}, layout ${perSecond('LayoutDuration').toFixed(0)}, style ${perSecond('RecalcStyleDuration').toFixed(0)})`,
  );
}

/**
 * CPU milliseconds used so far by each thread of the page's renderer
 * processes, by thread name (Linux /proc). Unlike wall-clock task lengths,
 * CPU time does not grow when other programs compete for the cores, so it
 * says how busy the page's threads would be on a quiet machine.
 */
function rendererThreadTimes() {
  const times = new Map();
  let pids;
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return times;
  }
  const cmdlineOf = (pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return '';
    }
  };
  const parentOf = (pid) => {
    try {
      return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
    } catch {
      return 0;
    }
  };
  const descends = (pid) => {
    for (let p = pid, hops = 0; p > 1 && hops < 10; p = parentOf(p), hops++) if (cmdlineOf(p).includes(MARKER)) return true;
    return false;
  };
  for (const pid of pids) {
    if (!cmdlineOf(pid).includes('--type=renderer') || !descends(Number(pid))) continue;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
        const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
        // utime and stime, in clock ticks of 10 ms.
        const ms = (Number(fields[11]) + Number(fields[12])) * 10;
        times.set(name, (times.get(name) ?? 0) + ms);
      } catch {}
    }
  }
  return times;
}

function reportCpu(before, after, wallSeconds) {
  const rows = [...after]
    .map(([name, ms]) => [name, (ms - (before.get(name) ?? 0)) / wallSeconds])
    .filter(([, perSecond]) => perSecond >= 10)
    .sort((a, b) => b[1] - a[1]);
  if (rows.length === 0) return;
  console.log(`  CPU per wall second, by thread: ${rows.map(([name, perSecond]) => `${name} ${perSecond.toFixed(0)} ms`).join(', ')}`);
}
