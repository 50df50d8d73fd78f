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
 * what keeps card text readable: a big scenario opens at a readable size,
 * its left-most cards in view (viewportForBounds), and pans, rather than
 * shrinking to 7 px type on a projector.
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
  return viewportForBounds(cardBounds(nodes), width, height, options);
}

/**
 * React Flow's fit (getViewportForBounds), except along an axis where `bounds` is wider (taller) than the canvas
 * even at the smallest zoom allowed: there the start sits at its padding, so the left-most and top-most cards
 * show whole. A reader starts at the left, with the clients; centred, both ends would be cut (a wide example
 * at 1280×720 lost a few pixels of its first card). src/prepaint/boot.ts does the same in its own words.
 */
export function viewportForBounds(bounds: Rect, width: number, height: number, options: FitViewOptions): Viewport {
  const fitted = getViewportForBounds(bounds, width, height, options.minZoom ?? 0.5, options.maxZoom ?? 2, options.padding ?? 0.1);
  const padding = pixelSides(options.padding);
  const { zoom } = fitted;
  const x = bounds.width * zoom > width - padding.left - padding.right ? padding.left - bounds.x * zoom : fitted.x;
  const y = bounds.height * zoom > height - padding.top - padding.bottom ? padding.top - bounds.y * zoom : fitted.y;
  return { x, y, zoom };
}

/** The padding's sides in whole pixels, as React Flow reads `'16px'`; a side given otherwise counts as none (ours are all pixels). */
function pixelSides(padding: FitViewOptions['padding']): { top: number; right: number; bottom: number; left: number } {
  const sides = typeof padding === 'object' && padding !== null ? (padding as Partial<Record<'top' | 'right' | 'bottom' | 'left', unknown>>) : {};
  const px = (side: unknown) => (typeof side === 'string' && side.endsWith('px') ? Math.floor(Number.parseFloat(side)) || 0 : 0);
  return { top: px(sides.top), right: px(sides.right), bottom: px(sides.bottom), left: px(sides.left) };
}

/** The box around `nodes`' cards at their usual size, in flow coordinates (at least one node). */
export function cardBounds(nodes: readonly { position: XY }[]): Rect {
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) + CARD_SIZE.width - x, height: Math.max(...ys) + CARD_SIZE.height - y };
}
