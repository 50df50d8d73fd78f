import { type FitViewOptions, getViewportForBounds, type Rect, type Viewport } from '@xyflow/react';
import { CARD_SIZE, type XY } from '../scenario/node-factory';

/** Smallest font on a card in presenter mode (px, at zoom 1): see `.app--presenter .node-card` in app.css. */
export const PRESENTER_CARD_MIN_FONT = 13;

/** Text a room can read from the back of it, in screen pixels. */
export const PRESENTER_READABLE_PX = 14;

/**
 * How the canvas fits a scenario into view. Nothing floats over the flow
 * pane (the keys and zoom buttons sit in bands beside it, canvas/Editor.tsx),
 * so a small padding is a margin only, and the zoom never drops below
 * what keeps card text readable: a big scenario opens centred at a readable
 * size and pans, rather than shrinking to 7 px type on a projector.
 */
export function fitViewOptions(presenter: boolean): FitViewOptions {
  if (presenter) {
    // Every card font times the zoom reaches PRESENTER_READABLE_PX (rounded up, so 13 × 1.08 is not 13.99).
    const readable = Math.ceil((PRESENTER_READABLE_PX / PRESENTER_CARD_MIN_FONT) * 100) / 100;
    return { padding: { top: '12px', bottom: '12px', left: '16px', right: '16px' }, minZoom: readable, maxZoom: 1.6 };
  }
  // 0.8 keeps a card's name at 10 px or more; past 100 % one lone node would fill the screen.
  return { padding: { top: '16px', bottom: '16px', left: '24px', right: '24px' }, minZoom: 0.8, maxZoom: 1 };
}

/**
 * The viewport a fit would choose for `nodes` on a canvas of `width` × `height`, from their positions and the
 * usual card size: the canvas opens already fitted, so its cards show in the first frame rather than after
 * React Flow has measured them and fitted (a visible wait on a first visit).
 */
export function openingViewport(nodes: readonly { position: XY }[], width: number, height: number, options: FitViewOptions): Viewport {
  if (nodes.length === 0 || width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 };
  return getViewportForBounds(cardBounds(nodes), width, height, options.minZoom ?? 0.5, options.maxZoom ?? 2, options.padding ?? 0.1);
}

/** The box around `nodes`' cards at their usual size, in flow coordinates (at least one node). */
export function cardBounds(nodes: readonly { position: XY }[]): Rect {
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) + CARD_SIZE.width - x, height: Math.max(...ys) + CARD_SIZE.height - y };
}
