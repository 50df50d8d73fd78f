import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { starterScenario } from '../scenario/starter';
import { renderPrepaintPage } from './render-page';

/** A scenario as the app opens it from an autosaved text. */
function opened(text: string): Scenario {
  const parsed = parseScenarioJson(text);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.scenario;
}

const cardNames = (html: string) => [...html.matchAll(/class="node-card__label"[^>]*>([^<]*)</g)].map((m) => m[1]);

describe('a prepainted page', () => {
  it("shows the given scenario's cards, not the starter's (the store's server snapshot is the state set)", () => {
    const scenario = opened(readFileSync('scenarios/cache-aside-zipf.json', 'utf8'));
    const { html, frame } = renderPrepaintPage(scenario, false);
    expect(cardNames(html)).toEqual(scenario.nodes.map((n) => n.label));
    expect(cardNames(html)).not.toEqual(starterScenario().nodes.map((n) => n.label));
    expect(html).toContain(`value="${scenario.name}"`);
    expect(frame.bounds?.x).toBe(Math.min(...scenario.nodes.map((n) => n.position.x)));
  });

  it("shows a user's edit: a renamed and moved card", () => {
    const starter = starterScenario();
    const [first, ...rest] = starter.nodes;
    const edited = { ...starter, nodes: [{ ...first, label: 'My users', position: { x: -300, y: 20 } }, ...rest] } as Scenario;
    const { html, frame } = renderPrepaintPage(opened(JSON.stringify(edited)), false);
    expect(cardNames(html)[0]).toBe('My users');
    expect(frame.bounds?.x).toBe(-300);
  });

  it('is inert, and in presenter mode when rendered so (its fit is the presenter one)', () => {
    const plain = renderPrepaintPage(starterScenario(), false);
    const presenter = renderPrepaintPage(starterScenario(), true);
    expect(plain.html).toMatch(/^<div inert aria-disabled="true" class="app"/);
    expect(presenter.html).toMatch(/^<div inert aria-disabled="true" class="app app--presenter"/);
    expect(presenter.frame.minZoom).toBeGreaterThan(plain.frame.minZoom);
  });

  it('renders an empty scenario with no cards and nothing to fit', () => {
    const { html, frame } = renderPrepaintPage({ ...starterScenario(), nodes: [], links: [] }, false);
    expect(cardNames(html)).toEqual([]);
    expect(frame.bounds).toBeNull();
  });
});
