import type { AppState } from '../store/types';
import type { Chart } from './charts/time-series-chart';
import { useLiveChart } from './use-live-chart';

/** One live D3 view in a titled figure; the SVG fills the box below the title and is named by it. */
export function LiveFigure<Data>({
  title,
  create,
  select,
  version,
  wide = false,
  testId,
  scope,
}: {
  title: string;
  create: (svg: SVGSVGElement) => Chart<Data>;
  select: (state: AppState) => Data;
  /** Changes whenever the data does (see useLiveChart). */
  version: (state: AppState) => unknown;
  /** Spans two columns (the views of a selected node). */
  wide?: boolean;
  testId?: string;
  /** What span each point covers, shown small after the title ("per window"), with `scope.hint` on hover. */
  scope?: { label: string; hint: string };
}) {
  const ref = useLiveChart<SVGSVGElement, Data>(create, select, version);
  return (
    <figure className={wide ? 'sp-chart-figure sp-selected-wide' : 'sp-chart-figure'}>
      <figcaption>
        {title}
        {scope && (
          <span className="sp-figure-scope" title={scope.hint}>
            {' '}
            · {scope.label}
          </span>
        )}
      </figcaption>
      <div className="sp-chart-box">
        <svg ref={ref} role="img" aria-label={title} data-testid={testId} />
      </div>
    </figure>
  );
}
