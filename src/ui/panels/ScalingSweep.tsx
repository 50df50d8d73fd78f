import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store';
import { getSimClient } from '../../worker/client';
import { MAX_SWEEP_REPLICAS, type SweepPoint } from '../../worker/protocol';
import { createCostChart } from '../../views/charts/cost-chart';

/** Replicas the sweep offers first. */
const DEFAULT_REPLICAS = 6;

/** Runs the scenario headless (mount it with key={serverId}: a sweep belongs to one server) for each replica count and instance size of one server, and plots cost against p99 and throughput. */
export function ScalingSweep({ serverId, label }: { serverId: string; label: string }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const chartRef = useRef<ReturnType<typeof createCostChart> | null>(null);
  const [maxReplicas, setMaxReplicas] = useState(DEFAULT_REPLICAS);
  const [points, setPoints] = useState<SweepPoint[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

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

  const sweep = async () => {
    const scenario = useAppStore.getState().scenario;
    const found: SweepPoint[] = [];
    setPoints([]);
    setProblem(null);
    setProgress({ done: 0, total: 0 });
    const answer = await getSimClient()
      .sweep(scenario, serverId, maxReplicas, (done, total, point) => {
        found.push(point);
        setPoints([...found]);
        setProgress({ done, total });
      })
      .catch((error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }));
    setProgress(null);
    if (!answer.ok) setProblem(answer.error);
  };

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
          <button type="button" disabled={progress !== null} onClick={() => void sweep()} title="One full headless run per replica count and per instance size">
            {progress ? `Running ${progress.done}/${progress.total || '…'}` : 'Sweep'}
          </button>
        </span>
      </figcaption>
      {problem && <p className="sp-faults-problem">{problem}</p>}
      <div className="sp-chart-box">
        <svg ref={svgRef} role="img" aria-label={title} data-testid="cost-chart" />
      </div>
    </figure>
  );
}
