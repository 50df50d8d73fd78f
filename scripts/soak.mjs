#!/usr/bin/env node
// Soak test: runs the starter scenario at max speed in headless Chromium for
// --minutes and samples memory every --every seconds: the page's JS heap
// after a forced garbage collection (Chrome DevTools Protocol), and the
// resident memory of the browser's renderer processes, which hold the
// simulation and particle workers too. Prints one line per sample and, at
// the end, the page heap's growth after the first minute.
//
//   npm run build && node scripts/soak.mjs [--minutes 30] [--every 30] [--url http://127.0.0.1:4173]
//
// Without --url it serves dist/ itself with `vite preview` on a spare port.
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { locateChromium } from './find-chromium.mjs';
import { previewPage } from './preview-server.mjs';

const { values } = parseArgs({
  options: { url: { type: 'string' }, minutes: { type: 'string', default: '30' }, every: { type: 'string', default: '30' }, port: { type: 'string', default: '4397' } },
});
const MARKER = `--soak-run=${process.pid}`;

const { url, stop: stopServer } = await previewPage(values.url, values.port);

const browser = await chromium.launch({
  executablePath: locateChromium() ?? undefined,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', MARKER],
});
const samples = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const devtools = await page.context().newCDPSession(page);
  await page.goto(url);
  await page.evaluate(() => localStorage.clear());
  await page.goto(url);
  await page.getByTestId('particle-overlay').waitFor({ state: 'attached' });
  await page.getByLabel('Duration (s)').fill('10000000');
  await page.getByLabel('Speed').selectOption({ label: 'max (as fast as possible)' });
  await page.getByRole('button', { name: /^(Run|Resume)$/ }).click();
  const started = Date.now();
  const end = started + Number(values.minutes) * 60_000;
  while (Date.now() < end) {
    await sleep(Number(values.every) * 1000);
    await devtools.send('HeapProfiler.collectGarbage');
    const heap = await devtools.send('Runtime.getHeapUsage');
    const clock = await page.locator('.sp-run-time').textContent();
    const sample = { minute: (Date.now() - started) / 60_000, pageHeapMB: heap.usedSize / 2 ** 20, rendererMB: rendererResidentMB(), clock: clock?.trim() ?? '' };
    samples.push(sample);
    console.log(`${sample.minute.toFixed(1).padStart(5)} min  page heap ${sample.pageHeapMB.toFixed(1)} MB  renderer RSS ${sample.rendererMB.toFixed(0)} MB  run clock ${sample.clock}`);
  }
  const afterFirstMinute = samples.filter((s) => s.minute >= 1);
  if (afterFirstMinute.length > 1) {
    const first = afterFirstMinute[0];
    const peak = Math.max(...afterFirstMinute.map((s) => s.pageHeapMB));
    const last = afterFirstMinute.at(-1);
    console.log(`page heap after the first minute: ${first.pageHeapMB.toFixed(1)} MB at ${first.minute.toFixed(1)} min, peak ${peak.toFixed(1)} MB, last ${last.pageHeapMB.toFixed(1)} MB (growth ${(peak - first.pageHeapMB).toFixed(1)} MB)`);
  }
} finally {
  await browser.close();
  stopServer();
}

/** Resident memory of this browser's renderer processes (children of the process started with the marker), in MB. */
function rendererResidentMB() {
  const parent = new Map();
  const cmdline = new Map();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      parent.set(pid, readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      cmdline.set(pid, readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {}
  }
  const roots = new Set([...cmdline].filter(([, cmd]) => cmd.includes(MARKER) && !cmd.includes('--type=')).map(([pid]) => pid));
  const ours = (pid) => {
    for (let at = pid, hops = 0; at && hops < 10; at = parent.get(at), hops++) if (roots.has(at)) return true;
    return false;
  };
  let kb = 0;
  for (const [pid, cmd] of cmdline) {
    if (!cmd.includes('--type=renderer') || !ours(pid)) continue;
    try {
      kb += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {}
  }
  return kb / 1024;
}
