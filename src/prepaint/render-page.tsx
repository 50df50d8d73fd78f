/**
 * A page rendered ahead of time with the app's own components: the markup React's first commit will show for
 * `scenario` (with presenter mode on or off), and what the boot script needs to fit its canvas. The build renders
 * the starter with it (render-starter.tsx); the snapshot worker renders the user's autosaved work with it
 * (snapshot.worker.ts). Only where no live page shares the store: it sets the store's state and its server snapshot.
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { toFlowNodes } from '../canvas/flow-mapping';
import { cardBounds, fitViewOptions, openingViewport } from '../canvas/fit-view';
import type { Scenario } from '../scenario/schema';
import { serverRenderCurrentState, useAppStore } from '../store';
import { App } from '../ui/App';
import type { PrepaintFrame } from './boot';

/** The canvas size the markup is rendered for; the boot script refits it to the visitor's canvas. */
const NOMINAL_CANVAS = { width: 800, height: 400 };

/** A prepainted page: the markup for #root (inert) and how to fit its canvas. */
export interface PrepaintPage {
  html: string;
  frame: PrepaintFrame;
}

/** Renders the page a fresh load opening `scenario` shows in its first commit. */
export function renderPrepaintPage(scenario: Scenario, presenter: boolean): PrepaintPage {
  useAppStore.setState({ scenario, presenter, selection: null });
  // Zustand's hooks read the store's *initial* state when rendering on the server (useSyncExternalStore's server
  // snapshot), which would show the starter whatever was set. Here no live page shares the store (the build's
  // server, the snapshot worker, a test), so the server snapshot is made the current state.
  serverRenderCurrentState(useAppStore);
  const options = fitViewOptions(presenter);
  const viewport = openingViewport(scenario.nodes, NOMINAL_CANVAS.width, NOMINAL_CANVAS.height, options);
  const nodes = toFlowNodes(scenario.nodes, null, {}, {});
  const html = renderToString(
    <StrictMode>
      <App prepaint={{ nodes, ...NOMINAL_CANVAS, fitViewOptions: options, viewport }} />
    </StrictMode>,
  );
  // Inert until React takes over: a click or a keystroke on the picture would be lost.
  const inert = html.replace(/^<div class="app/, '<div inert aria-disabled="true" class="app');
  if (inert === html) throw new Error('The prepainted page does not start with the app’s <div class="app">.');
  const bounds = scenario.nodes.length > 0 ? cardBounds(scenario.nodes) : null;
  return {
    html: inert,
    frame: { bounds, padding: pixelPadding(options.padding), minZoom: options.minZoom ?? 0.5, maxZoom: options.maxZoom ?? 2 },
  };
}

function pixelPadding(padding: unknown): PrepaintFrame['padding'] {
  const sides = padding as Record<'top' | 'right' | 'bottom' | 'left', string>;
  const px = (side: string) => {
    if (!/^\d+px$/.test(side)) throw new Error(`The prepaint fits with paddings in whole pixels, not "${side}".`);
    return Number.parseInt(side, 10);
  };
  return { top: px(sides.top), right: px(sides.right), bottom: px(sides.bottom), left: px(sides.left) };
}
