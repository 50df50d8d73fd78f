import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store';
import type { CostSweep } from '../../store/sweep-slice';
import { createCostChart } from '../../views/charts/cost-chart';
import { MAX_SWEEP_REPLICAS, type SweepPoint } from '../../worker/protocol';

/** Replicas the sweep offers first. */
const DEFAULT_REPLICAS = 6;
const NO_POINTS: SweepPoint[] = [];

/** The store's sweep when it belongs to `serverId`: the figure of another server shows none. */
const useSweepOf = (serverId: string): CostSweep | null => useAppStore((state) => (state.costSweep?.serverId === serverId ? state.costSweep : null));

/** Runs the scenario headless in the background for each replica count and instance size of one server, and plots cost against p99 and throughput. */
export function ScalingSweep({ serverId, label }: { serverId: string; label: string }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const chartRef = useRef<ReturnType<typeof createCostChart> | null>(null);
  const [maxReplicas, setMaxReplicas] = useState(DEFAULT_REPLICAS);
  const sweep = useSweepOf(serverId);
  const points = sweep?.points ?? NO_POINTS;

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const chart = createCostChart(svg);
    chartRef.current = chart;
    const resize = () => {
      const box = svg.parentElement?.getBoundingClientRect();
      if (box && box.width > 0 && box.height > 0) chart.resize(box.width, box.height);
    };
    resize();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    if (observer && svg.parentElement) observer.observe(svg.parentElement);
    return () => {
      observer?.disconnect();
      chart.destroy();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => chartRef.current?.update(points), [points]);

  const running = sweep?.running ?? false;
  const progress = sweep?.progress;
  const title = `${label}: cost against latency`;
  return (
    <figure className="sp-chart-figure sp-selected-wide sp-sweep">
      <figcaption>
        {title}
        <span className="sp-sweep-controls">
          <label>
            replicas 1–
            <input
              type="number"
              aria-label="Replicas up to"
              min={1}
              max={MAX_SWEEP_REPLICAS}
              value={maxReplicas}
              onChange={(e) => setMaxReplicas(Math.min(MAX_SWEEP_REPLICAS, Math.max(1, Number(e.target.value) || 1)))}
            />
          </label>
          <button
            type="button"
            disabled={running}
            onClick={() => void useAppStore.getState().startSweep(serverId, maxReplicas)}
            title="One full headless run per replica count and per instance size"
          >
            {running && progress ? `Running ${progress.done}/${progress.total}` : 'Sweep sizes'}
          </button>
          {running && (
            <button type="button" aria-label="Cancel sweep" onClick={() => useAppStore.getState().cancelSweep()} title="Start no further run; keep the points so far">
              Cancel
            </button>
          )}
        </span>
      </figcaption>
      {sweep?.problem && <p className="sp-faults-problem">{sweep.problem}</p>}
      {sweep?.cancelled && (
        <p className="sp-faults-hint" role="status">{`Cancelled after ${sweep.progress.done} of ${sweep.progress.total} runs.`}</p>
      )}
      <div className="sp-chart-box">
        <svg ref={svgRef} role="img" aria-label={title} data-testid="cost-chart" />
      </div>
    </figure>
  );
}
