// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fitViewOptions, openingViewport } from '../canvas/fit-view';
import { parseScenarioJson } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { starterScenario } from '../scenario/starter';
import { AUTOSAVE_KEY, PREPAINT_SNAPSHOT_KEY, RECENT_KEY, type RecentEntry, WORK_ID_KEY } from '../ui/recent-work';
import { PRESENTER_STORAGE_KEY } from '../ui/use-presenter-mode';
import { prepaintBoot } from './boot';
import { renderPrepaintPage } from './render-page';
import { renderStarterPrepaint } from './render-starter';
import type { PrepaintSnapshot } from './snapshot';

/** A return visit: index.html (the starter's prepaint, this build's id) and a snapshot the app stored. */
const BUILD = 'build-1';
const starter = renderStarterPrepaint();
const cacheText = readFileSync('scenarios/cache-aside-zipf.json', 'utf8');
const cache = opened(cacheText);
const editedText = JSON.stringify({ ...starterScenario(), name: 'My edit', nodes: starterScenario().nodes.map((n, i) => (i === 1 ? { ...n, label: 'Moved LB', position: { x: 300, y: 420 } } : n)) });

function opened(text: string): Scenario {
  const parsed = parseScenarioJson(text);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.scenario;
}

function snapshotOf(text: string, presenter = false, build = BUILD): PrepaintSnapshot {
  return { scenario: text, presenter, build, ...renderPrepaintPage(opened(text), presenter) };
}

const CANVAS = { width: 900, height: 450 };

function mountIndexHtml(build: string | null = BUILD) {
  document.body.innerHTML = '<div id="root" data-prepaint=""></div>';
  const root = document.getElementById('root') as HTMLElement;
  root.setAttribute('data-prepaint-frame', JSON.stringify(starter.frame));
  if (build !== null) root.setAttribute('data-prepaint-build', build);
  root.innerHTML = starter.html;
  return root;
}

const entry = (id: string, scenario: string): RecentEntry => ({ id, name: id, savedAt: 1, scenario });
const names = (root: HTMLElement) => [...root.querySelectorAll('.node-card__label')].map((l) => l.textContent);

function shownViewport(root: HTMLElement) {
  const transform = (root.querySelector('.react-flow__viewport') as HTMLElement).style.transform;
  const match = /^translate\((-?[\d.e-]+)px, ?(-?[\d.e-]+)px\) scale\(([\d.e-]+)\)$/.exec(transform);
  if (!match) throw new Error(`unexpected transform "${transform}"`);
  return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
}

function expectRemoved(root: HTMLElement) {
  expect(root.children).toHaveLength(0);
  expect(root.hasAttribute('data-prepaint')).toBe(false);
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  history.replaceState(null, '', '/');
  // happy-dom lays nothing out: the canvas measures as a browser's would.
  const measure = Element.prototype.getBoundingClientRect;
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    if (!this.classList.contains('canvas__flow')) return measure.call(this);
    return { ...CANVAS, x: 0, y: 0, top: 0, left: 0, right: CANVAS.width, bottom: CANVAS.height, toJSON: () => ({}) } as DOMRect;
  });
});
afterEach(() => vi.restoreAllMocks());

describe('the prepaint boot script on a return visit', () => {
  it("shows the snapshot of the latest autosave, fitted as the app opens it, when this tab has no entry of its own", () => {
    localStorage.setItem(AUTOSAVE_KEY, cacheText);
    localStorage.setItem(RECENT_KEY, JSON.stringify([entry('other-tab', cacheText)]));
    localStorage.setItem(PREPAINT_SNAPSHOT_KEY, JSON.stringify(snapshotOf(cacheText)));
    const root = mountIndexHtml();
    prepaintBoot(window);
    expect(root.getAttribute('data-prepaint')).toBe('shown');
    expect(names(root)).toEqual(cache.nodes.map((n) => n.label));
    const expected = openingViewport(cache.nodes, CANVAS.width, CANVAS.height, fitViewOptions(false));
    const shown = shownViewport(root);
    expect(shown.zoom).toBeCloseTo(expected.zoom, 9);
    expect(shown.x).toBeCloseTo(expected.x, 9);
    expect(shown.y).toBeCloseTo(expected.y, 9);
  });

  it("prefers this tab's own entry in the recent list, as a reload does", () => {
    sessionStorage.setItem(WORK_ID_KEY, 'mine');
    localStorage.setItem(AUTOSAVE_KEY, cacheText);
    localStorage.setItem(RECENT_KEY, JSON.stringify([entry('other-tab', cacheText), entry('mine', editedText)]));
    localStorage.setItem(PREPAINT_SNAPSHOT_KEY, JSON.stringify(snapshotOf(editedText)));
    const root = mountIndexHtml();
    prepaintBoot(window);
    expect(root.getAttribute('data-prepaint')).toBe('shown');
    expect(names(root)).toContain('Moved LB');
  });

  it("removes a snapshot of the latest autosave when this tab reopens its own, other work", () => {
    sessionStorage.setItem(WORK_ID_KEY, 'mine');
    localStorage.setItem(AUTOSAVE_KEY, cacheText);
    localStorage.setItem(RECENT_KEY, JSON.stringify([entry('other-tab', cacheText), entry('mine', editedText)]));
    localStorage.setItem(PREPAINT_SNAPSHOT_KEY, JSON.stringify(snapshotOf(cacheText)));
    const root = mountIndexHtml();
    prepaintBoot(window);
    expectRemoved(root);
  });

  it('reads the recent list as the app does: an own entry past the five it keeps, or malformed ones, do not count', () => {
    sessionStorage.setItem(WORK_ID_KEY, 'mine');
    localStorage.setItem(AUTOSAVE_KEY, cacheText);
    const others = ['a', 'b', 'c', 'd', 'e'].map((id) => entry(id, `{"n":"${id}"}`));
    localStorage.setItem(RECENT_KEY, JSON.stringify([{ id: 'mine' }, ...others, entry('mine', editedText)]));
    localStorage.setItem(PREPAINT_SNAPSHOT_KEY, JSON.stringify(snapshotOf(cacheText)));
    const root = mountIndexHtml();
    prepaintBoot(window);
    expect(names(root)).toEqual(cache.nodes.map((n) => n.label));
  });

  it('shows a presenter snapshot, fitted the presenter way, when presenter mode is the stored choice', () => {
    localStorage.setItem(PRESENTER_STORAGE_KEY, 'on');
    localStorage.setItem(AUTOSAVE_KEY, cacheText);
    localStorage.setItem(PREPAINT_SNAPSHOT_KEY, JSON.stringify(snapshotOf(cacheText, true)));
    const root = mountIndexHtml();
    prepaintBoot(window);
    expect(root.querySelector('.app')?.classList.contains('app--presenter')).toBe(true);
    expect(shownViewport(root).zoom).toBeCloseTo(openingViewport(cache.nodes, CANVAS.width, CANVAS.height, fitViewOptions(true)).zoom, 9);
  });

  const mismatches: [string, () => void][] = [
    ['the autosave changed by one byte since', () => localStorage.setItem(AUTOSAVE_KEY, `${cacheText} `)],
    ['it was rendered in presenter mode, which is off now', () => localStorage.setItem(PREPAINT_SNAPSHOT_KEY, JSON.stringify(snapshotOf(cacheText, true)))],
    ['presenter mode is the stored choice now', () => localStorage.setItem(PRESENTER_STORAGE_KEY, 'on')],
    ['another build drew it', () => localStorage.setItem(PREPAINT_SNAPSHOT_KEY, JSON.stringify(snapshotOf(cacheText, false, 'build-0')))],
    ['index.html names no build', () => mountIndexHtml(null)],
    ['it is damaged', () => localStorage.setItem(PREPAINT_SNAPSHOT_KEY, '{"scenario":')],
    ['it has no markup', () => localStorage.setItem(PREPAINT_SNAPSHOT_KEY, JSON.stringify({ ...snapshotOf(cacheText), html: null }))],
    ['there is no autosave, only the snapshot', () => localStorage.removeItem(AUTOSAVE_KEY)],
    ['the address holds a link', () => history.replaceState(null, '', '/#s=abc')],
    ['the address holds an embed or a lesson', () => history.replaceState(null, '', '/?lesson=caching')],
  ];
  for (const [what, arrange] of mismatches) {
    it(`removes the markup unshown when ${what}`, () => {
      localStorage.setItem(AUTOSAVE_KEY, cacheText);
      localStorage.setItem(PREPAINT_SNAPSHOT_KEY, JSON.stringify(snapshotOf(cacheText)));
      mountIndexHtml();
      arrange();
      const root = document.getElementById('root') as HTMLElement;
      prepaintBoot(window);
      expectRemoved(root);
    });
  }

  it('removes the markup when storage cannot be read', () => {
    localStorage.setItem(AUTOSAVE_KEY, cacheText);
    localStorage.setItem(PREPAINT_SNAPSHOT_KEY, JSON.stringify(snapshotOf(cacheText)));
    const root = mountIndexHtml();
    const blocked = new Proxy(window, { get: (target, key) => (key === 'localStorage' ? (() => { throw new DOMException('denied', 'SecurityError'); })() : Reflect.get(target, key)) });
    prepaintBoot(blocked);
    expectRemoved(root);
  });

  it('keeps to itself with a snapshot too: it runs rebuilt from its own source text', () => {
    localStorage.setItem(AUTOSAVE_KEY, editedText);
    localStorage.setItem(PREPAINT_SNAPSHOT_KEY, JSON.stringify(snapshotOf(editedText)));
    const rebuilt = new Function(`return (${prepaintBoot.toString()});`)() as typeof prepaintBoot;
    const root = mountIndexHtml();
    rebuilt(window);
    expect(names(root)).toContain('Moved LB');
  });
});
