// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, WindowSample } from '../../engine/types';
import { createBackendLoadChart, createCacheHitRatioChart, THEORY_DASH } from './cache-charts';
import { backendLoadData, cachingTarget, cdnOffload, hitRatioData, rankBars, stalenessFigures } from './cache-view-data';
import { createCacheRankView } from './cache-rank-view';
import { createCacheStalenessView, stalenessRows } from './cache-staleness-view';
import { exampleScenario, runToEnd } from '../../worker/testing/example-run';
import { createCdnOffloadView, formatBytes, offloadRows } from './cdn-offload-view';

const svg = () => document.createElementNS('http://www.w3.org/2000/svg', 'svg');
const texts = (element: Element) => Array.from(element.querySelectorAll('text'), (t) => t.textContent ?? '');

const scenario = exampleScenario('cache-aside-zipf', 6);
const target = cachingTarget(scenario, 'cache')!;
// One run shared by every describe below, made when the tests run rather than while Vitest collects them.
let run: { windows: WindowSample[]; report: Report };
beforeAll(() => {
  run = runToEnd(scenario);
});

describe('hit-ratio chart', () => {
  it('says the theory line comes with the report while running, then draws it dashed at the reported level', () => {
    const element = svg();
    const chart = createCacheHitRatioChart(element);
    chart.update(hitRatioData(run.windows, null, target, 6));
    expect(texts(element)).toContain('theory line: when the run ends');
    expect(element.querySelectorAll(`path[stroke-dasharray="${THEORY_DASH}"]`)).toHaveLength(0);

    chart.update(hitRatioData(run.windows, run.report, target, 6));
    const theory = run.report.nodes[4]!.cache!.theory!;
    const legend = texts(element).find((t) => t.startsWith("theory (Che's approximation, LRU)"));
    expect(legend).toBe(`theory (Che's approximation, LRU) ${Math.round(theory * 1000) / 10} %`);
    const dashed = element.querySelectorAll(`.sp-lines path[stroke-dasharray="${THEORY_DASH}"]`);
    expect(dashed).toHaveLength(1);
    // A level line: every point of the path has the same y.
    const ys = new Set(Array.from((dashed[0]!.getAttribute('d') ?? '').matchAll(/[ML][\d.]+,([\d.]+)/g), (m) => m[1]));
    expect(ys.size).toBe(1);
    expect(texts(element)).not.toContain('theory line: when the run ends');
    expect(Number(element.getAttribute('data-theory'))).toBeCloseTo(theory, 4);
    expect(Number(element.getAttribute('data-recent-hit-ratio'))).toBeGreaterThan(0);
    chart.destroy();
    expect(element.childElementCount).toBe(0);
  });

  it('draws a line per CDN edge besides all edges together', () => {
    const cdnScenario = exampleScenario('cdn-offload', 4);
    const cdnRun = runToEnd(cdnScenario);
    const cdn = cachingTarget(cdnScenario, 'cdn')!;
    const element = svg();
    createCacheHitRatioChart(element).update(hitRatioData(cdnRun.windows, cdnRun.report, cdn, 4));
    expect(texts(element)).toEqual(expect.arrayContaining(['all edges', 'Europe', 'Americas', 'Asia']));
  });
});

describe('rank view', () => {
  it('draws a bar per rank bucket and a theory tick for each', () => {
    const element = svg();
    const view = createCacheRankView(element);
    view.update([]);
    expect(texts(element)).toContain('Hit ratio by rank: when the run ends');
    const bars = rankBars(run.report, target);
    view.update(bars);
    expect(element.querySelectorAll('.sp-rank-bars rect')).toHaveLength(bars.length);
    expect(element.querySelectorAll('.sp-rank-theory line')).toHaveLength(bars.length);
    // The most popular rank's bar stands higher than the long tail's.
    const heights = Array.from(element.querySelectorAll('.sp-rank-bars rect'), (r) => Number(r.getAttribute('height')));
    expect(heights[0]).toBeGreaterThan(heights.at(-1)! + 20);
  });
});

describe('staleness view', () => {
  it('shows stale reads and raises lost writes', () => {
    const crash = exampleScenario('write-back-crash', 40);
    const crashRun = runToEnd(crash);
    const figures = stalenessFigures(crashRun.report, cachingTarget(crash, 'cache')!)!;
    expect(figures.lostWrites).toBeGreaterThan(0);
    const rows = stalenessRows(figures).rows;
    const lost = rows.find((r) => r.label.startsWith('Lost writes'))!;
    expect(lost.alarm).toBe(true);
    expect(lost.value).toBe(figures.lostWrites.toLocaleString('en-US'));
    expect(lost.detail).toBe(`of ${figures.writes.toLocaleString('en-US')} acknowledged, lost before a flush`);
    const element = svg();
    createCacheStalenessView(element).update(figures);
    expect(texts(element)).toContain('Stale reads');
    expect(element.querySelector('.sp-figure-value[font-weight="bold"]')?.textContent).toBe(lost.value);
  });

  it('says a cache that is not write-back cannot lose writes, and shows no dirty entries', () => {
    const rows = stalenessRows(stalenessFigures(run.report, target)).rows;
    expect(rows.find((r) => r.label === 'Lost writes')?.detail).toMatch(/only a write-back cache can lose them$/);
    expect(rows.some((r) => r.label.startsWith('Dirty'))).toBe(false);
  });

  it('waits for the report', () => {
    expect(stalenessRows(null).rows).toEqual([]);
  });
});

describe('offload view', () => {
  it('shows the shares of requests and bytes that never reached origin', () => {
    const cdnScenario = exampleScenario('cdn-offload', 6);
    const cdnRun = runToEnd(cdnScenario);
    const cdn = cdnOffload(cdnRun.report, cachingTarget(cdnScenario, 'cdn')!)!;
    const rows = offloadRows(cdn).rows;
    expect(rows[0]!.share).toBe(cdn.requestOffload);
    expect(rows[1]!.share).toBe(cdn.byteOffload);
    expect(rows.filter((r) => r.label.startsWith('Edge '))).toHaveLength(3);
    const element = svg();
    createCdnOffloadView(element).update(cdn);
    expect(texts(element)).toContain('Requests offloaded');
    const bar = element.querySelector('.sp-figure-bar');
    expect(Number(bar?.getAttribute('width'))).toBeGreaterThan(0);
  });

  it('formats bytes in steps of a thousand', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(12_345_678)).toBe('12.3 MB');
  });
});

describe('backend load chart', () => {
  it('draws the run without the cache dashed in the colour of the line with it', () => {
    const element = svg();
    const data = backendLoadData(run.windows, target, 6, { windows: run.windows, indexOf: (i) => i });
    createBackendLoadChart(element).update(data);
    const paths = Array.from(element.querySelectorAll('.sp-lines path'));
    expect(paths).toHaveLength(2);
    expect(paths[1]!.getAttribute('stroke-dasharray')).toBe(THEORY_DASH);
    expect(paths[1]!.getAttribute('stroke')).toBe(paths[0]!.getAttribute('stroke'));
    // Both lines are the same run here, so the recent figures agree.
    expect(element.getAttribute('data-recent-with')).toBe(element.getAttribute('data-recent-without'));
    expect(Number(element.getAttribute('data-recent-with'))).toBeGreaterThan(0);
  });
});
