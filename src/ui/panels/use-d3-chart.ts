import { type RefObject, useEffect, useRef } from 'react';
import type { Chart } from '../../views/charts/time-series-chart';

/** Creates a D3 chart in the SVG behind the returned ref, sizes it to its box as that changes, and draws `data` whenever it changes. */
export function useD3Chart<Data>(create: (svg: SVGSVGElement) => Chart<Data>, data: Data): RefObject<SVGSVGElement | null> {
  const svgRef = useRef<SVGSVGElement>(null);
  const chartRef = useRef<Chart<Data> | null>(null);
  const latest = useRef(data);
  latest.current = data;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart is made once per mount; `create` is a module function.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const chart = create(svg);
    chartRef.current = chart;
    const resize = () => {
      const box = svg.parentElement?.getBoundingClientRect();
      if (box && box.width > 0 && box.height > 0) chart.resize(box.width, box.height);
    };
    resize();
    chart.update(latest.current);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    if (observer && svg.parentElement) observer.observe(svg.parentElement);
    return () => {
      observer?.disconnect();
      chart.destroy();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => chartRef.current?.update(data), [data]);
  return svgRef;
}
