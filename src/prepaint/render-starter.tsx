/**
 * The page a first visit sees, rendered ahead of time: the build (scripts/prepaint-plugin.mjs) calls this on
 * the server and writes the markup into index.html, so the starter's canvas paints before the bundle has
 * been fetched and run. React replaces it on its first commit with the same picture, now live.
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { toFlowNodes } from '../canvas/flow-mapping';
import { cardBounds, fitViewOptions, openingViewport } from '../canvas/fit-view';
import { starterScenario } from '../scenario/starter';
import { useAppStore } from '../store';
import { App } from '../ui/App';
import type { PrepaintFrame } from './boot';

/** The canvas size the markup is rendered for; the boot script refits it to the visitor's canvas. */
const NOMINAL_CANVAS = { width: 800, height: 400 };

/** The starter's page as markup, and what the boot script needs to fit its canvas. */
export function renderStarterPrepaint(): { html: string; frame: PrepaintFrame } {
  const scenario = starterScenario();
  useAppStore.setState({ scenario });
  const options = fitViewOptions(false);
  const viewport = openingViewport(scenario.nodes, NOMINAL_CANVAS.width, NOMINAL_CANVAS.height, options);
  const nodes = toFlowNodes(scenario.nodes, null, {}, {});
  const html = renderToString(
    <StrictMode>
      <App prepaint={{ nodes, ...NOMINAL_CANVAS, fitViewOptions: options, viewport }} />
    </StrictMode>,
  );
  return { html, frame: { bounds: cardBounds(scenario.nodes), padding: pixelPadding(options.padding), minZoom: options.minZoom ?? 0.5, maxZoom: options.maxZoom ?? 2 } };
}

function pixelPadding(padding: unknown): PrepaintFrame['padding'] {
  const sides = padding as Record<'top' | 'right' | 'bottom' | 'left', string>;
  const px = (side: string) => {
    if (!/^\d+px$/.test(side)) throw new Error(`The prepaint fits with paddings in whole pixels, not "${side}".`);
    return Number.parseInt(side, 10);
  };
  return { top: px(sides.top), right: px(sides.right), bottom: px(sides.bottom), left: px(sides.left) };
}
