import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getViewportForBounds } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { CARD_SIZE } from '../scenario/node-factory';
import { parseScenarioJson } from '../scenario/parse';
import { starterScenario } from '../scenario/starter';
import { cardBounds, fitViewOptions, openingViewport } from './fit-view';

const example = (file: string) => {
  const parsed = parseScenarioJson(readFileSync(join(import.meta.dirname, '../../scenarios', file), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.scenario;
};

/** The canvas at 1280×720, between the palette, the inspector, the toolbar and the charts (about 840 × 360 px). */
const PROJECTOR_CANVAS = { width: 840, height: 360 };

/** Where each card lands on screen under `viewport`: its left and right edges, in canvas pixels. */
const screenEdges = (nodes: readonly { position: { x: number } }[], v: { x: number; zoom: number }) =>
  nodes.map((n) => ({ left: n.position.x * v.zoom + v.x, right: (n.position.x + CARD_SIZE.width) * v.zoom + v.x }));

describe('the opening viewport', () => {
  it('shows the wide cache-aside example at 1280×720 with its first card whole, at the usual padding, at the readable zoom', () => {
    const { nodes } = example('cache-aside-zipf.json');
    const options = fitViewOptions(false);
    const viewport = openingViewport(nodes, PROJECTOR_CANVAS.width, PROJECTOR_CANVAS.height, options);
    expect(viewport.zoom).toBe(0.8);
    const edges = screenEdges(nodes, viewport);
    const first = Math.min(...edges.map((e) => e.left));
    // The clients' card starts 24 px in (the left padding), not a few pixels off the canvas.
    expect(first).toBeCloseTo(24, 9);
    // Only what lies past the right edge is cut; the canvas pans there.
    expect(Math.max(...edges.map((e) => e.right))).toBeGreaterThan(PROJECTOR_CANVAS.width);
  });

  it('aligns a scenario taller than the canvas to its top card, and keeps both starts when it overflows both ways', () => {
    const { nodes } = example('cache-aside-zipf.json');
    const viewport = openingViewport(nodes, 400, 200, fitViewOptions(false));
    const bounds = cardBounds(nodes);
    expect(viewport.zoom).toBe(0.8);
    expect(bounds.x * viewport.zoom + viewport.x).toBeCloseTo(24, 9);
    expect(bounds.y * viewport.zoom + viewport.y).toBeCloseTo(16, 9);
  });

  it('fits a scenario that fits as React Flow does: centred, unchanged', () => {
    const { nodes } = starterScenario();
    const options = fitViewOptions(false);
    for (const [width, height] of [[1400, 700], [1100, 500]] as const) {
      const expected = getViewportForBounds(cardBounds(nodes), width, height, options.minZoom ?? 0.5, options.maxZoom ?? 2, options.padding ?? 0.1);
      expect(openingViewport(nodes, width, height, options)).toEqual(expected);
    }
  });

  it('in presenter mode too, the first card of a wide example shows whole', () => {
    const { nodes } = example('cache-aside-zipf.json');
    const viewport = openingViewport(nodes, 1000, 500, fitViewOptions(true));
    expect(viewport.zoom).toBe(fitViewOptions(true).minZoom);
    expect(Math.min(...screenEdges(nodes, viewport).map((e) => e.left))).toBeCloseTo(16, 9);
  });
});
