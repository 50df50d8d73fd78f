import type { Chart } from './charts/time-series-chart';

/** The smallest size a view draws at, so a squeezed panel still leaves room for its axes and labels. */
export interface MinimumSize {
  width: number;
  height: number;
}

/**
 * The Chart a D3 view returns: new data or a new size (whole pixels, never
 * below `minimum`) is handed to the view, which redraws; destroy empties the
 * SVG. Each view keeps only its own drawing.
 */
export function chartHandle<Data>(
  svg: { selectAll(selector: string): { remove(): unknown } },
  minimum: MinimumSize,
  view: { setData(data: Data): void; setSize(width: number, height: number): void; draw(): void },
): Chart<Data> {
  return {
    update(data) {
      view.setData(data);
      view.draw();
    },
    resize(width, height) {
      view.setSize(Math.max(minimum.width, Math.floor(width)), Math.max(minimum.height, Math.floor(height)));
      view.draw();
    },
    destroy() {
      svg.selectAll('*').remove();
    },
  };
}
