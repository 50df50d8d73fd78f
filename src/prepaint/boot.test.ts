// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cardBounds, fitViewOptions, openingViewport } from '../canvas/fit-view';
import { parseScenarioJson } from '../scenario/parse';
import { starterScenario } from '../scenario/starter';
import { LESSON_PROGRESS_KEY, OPEN_LESSON_KEY } from '../ui/lessons/lesson-progress';
import { AUTOSAVE_KEY, RECENT_KEY, WORK_ID_KEY } from '../ui/recent-work';
import { PRESENTER_STORAGE_KEY } from '../ui/use-presenter-mode';
import { type PrepaintFrame, prepaintBoot } from './boot';
import { renderStarterPrepaint } from './render-starter';

let html = '';
let frame: PrepaintFrame;
beforeAll(() => {
  ({ html, frame } = renderStarterPrepaint());
});

/** index.html as a build writes it, on a canvas of `width` × `height`. */
function mountPrepaint(width: number, height: number, fit: PrepaintFrame = frame) {
  document.body.innerHTML = '<div id="root" data-prepaint=""></div>';
  const root = document.getElementById('root') as HTMLElement;
  root.setAttribute('data-prepaint-frame', JSON.stringify(fit));
  root.innerHTML = html;
  const canvas = root.querySelector('.canvas__flow') as HTMLElement;
  canvas.getBoundingClientRect = () => ({ width, height, x: 0, y: 0, top: 0, left: 0, right: width, bottom: height, toJSON: () => ({}) });
  return root;
}

function shownViewport(root: HTMLElement) {
  const transform = (root.querySelector('.react-flow__viewport') as HTMLElement).style.transform;
  const match = /^translate\((-?[\d.e-]+)px, ?(-?[\d.e-]+)px\) scale\(([\d.e-]+)\)$/.exec(transform);
  if (!match) throw new Error(`unexpected transform "${transform}"`);
  return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  history.replaceState(null, '', '/');
});

describe('the prepaint boot script', () => {
  it('fits the canvas exactly as the app opens it, on every window size', () => {
    const nodes = starterScenario().nodes;
    for (const [width, height] of [[840, 420], [600, 300], [1400, 700], [300, 900], [1024, 200]] as const) {
      const root = mountPrepaint(width, height);
      prepaintBoot(window);
      expect(root.getAttribute('data-prepaint')).toBe('shown');
      const expected = openingViewport(nodes, width, height, fitViewOptions(false));
      const shown = shownViewport(root);
      expect(shown.zoom).toBeCloseTo(expected.zoom, 9);
      expect(shown.x).toBeCloseTo(expected.x, 9);
      expect(shown.y).toBeCloseTo(expected.y, 9);
    }
  });

  it('fits a scenario wider and taller than the canvas exactly as the app opens it: its left-most, top-most cards whole', () => {
    const parsed = parseScenarioJson(readFileSync('scenarios/cache-aside-zipf.json', 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const nodes = parsed.scenario.nodes;
    const bounds = cardBounds(nodes);
    // 840 × 360: the canvas at 1280×720; the others overflow one way or both.
    for (const [width, height] of [[840, 360], [600, 600], [1200, 200], [400, 200]] as const) {
      const root = mountPrepaint(width, height, { ...frame, bounds });
      prepaintBoot(window);
      const expected = openingViewport(nodes, width, height, fitViewOptions(false));
      const shown = shownViewport(root);
      expect(shown.zoom).toBeCloseTo(expected.zoom, 9);
      expect(shown.x).toBeCloseTo(expected.x, 9);
      expect(shown.y).toBeCloseTo(expected.y, 9);
      if (bounds.width * shown.zoom > width) expect(bounds.x * shown.zoom + shown.x).toBeCloseTo(frame.padding.left, 9);
      if (bounds.height * shown.zoom > height) expect(bounds.y * shown.zoom + shown.y).toBeCloseTo(frame.padding.top, 9);
    }
  });

  it('shows the starter with every card a first visit will see', () => {
    const root = mountPrepaint(900, 450);
    prepaintBoot(window);
    const cards = [...root.querySelectorAll('.react-flow__node')].map((n) => n.getAttribute('data-id'));
    expect(cards).toEqual(starterScenario().nodes.map((n) => n.id));
    const names = [...root.querySelectorAll('.node-card__label')].map((label) => [label.getAttribute('elementtiming'), label.textContent]);
    expect(names).toEqual(starterScenario().nodes.map((n) => [`card:${n.id}`, n.label]));
  });

  const otherStarts: [string, () => void][] = [
    ['a link in the address', () => history.replaceState(null, '', '/#s=abc')],
    ['an embed or a lesson in the query', () => history.replaceState(null, '', '/?lesson=caching')],
    ['an autosave', () => localStorage.setItem(AUTOSAVE_KEY, '{}')],
    ['recent work', () => localStorage.setItem(RECENT_KEY, '[]')],
    ['a presenter-mode preference', () => localStorage.setItem(PRESENTER_STORAGE_KEY, 'on')],
    ['lesson progress', () => localStorage.setItem(LESSON_PROGRESS_KEY, '{}')],
    ["this tab's work id", () => sessionStorage.setItem(WORK_ID_KEY, 'w1')],
    ['a lesson open in this tab', () => sessionStorage.setItem(OPEN_LESSON_KEY, 'caching')],
  ];
  for (const [what, arrange] of otherStarts) {
    it(`removes the markup unshown when the app will open something else: ${what}`, () => {
      arrange();
      const root = mountPrepaint(900, 450);
      prepaintBoot(window);
      expect(root.children).toHaveLength(0);
      expect(root.hasAttribute('data-prepaint')).toBe(false);
    });
  }

  it('keeps to itself: it runs after being rebuilt from its own source text, as the build writes it', () => {
    const rebuilt = new Function(`return (${prepaintBoot.toString()});`)() as typeof prepaintBoot;
    const root = mountPrepaint(900, 450);
    rebuilt(window);
    expect(root.getAttribute('data-prepaint')).toBe('shown');
    expect(shownViewport(root).zoom).toBeGreaterThan(0);
  });

  it('leaves a page without a prepaint alone (npm start, or a second run)', () => {
    document.body.innerHTML = '<div id="root"><p>live</p></div>';
    prepaintBoot(window);
    expect(document.getElementById('root')?.innerHTML).toBe('<p>live</p>');
  });
});
