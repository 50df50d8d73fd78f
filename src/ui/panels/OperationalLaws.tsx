import { useEffect, useMemo, useRef } from 'react';
import { type ServerDemands, serverDemands } from '../../engine/resources/operational-laws';
import type { LiveResources, ResourcesReport } from '../../engine/types';
import type { NodeOf } from '../../scenario/kinds';
import { distributionMean, type Scenario } from '../../scenario/schema';
import { useAppStore } from '../../store';
import type { BoundsSweep } from '../../store/bounds-sweep-slice';
import type { AppState } from '../../store/types';
import { useBeatValue } from '../../store/use-beat-value';
import { type BoundsChartData, createBoundsChart } from '../../views/charts/bounds-chart';

const NAMES = { cpu: 'CPU', disk: 'Disk', network: 'Network' } as const;

const ms = (seconds: number) => (seconds * 1000 >= 10 ? (seconds * 1000).toFixed(1) : (seconds * 1000).toFixed(2));
const pct = (share: number) => `${Math.round(share * 100)} %`;

/** The run's figures for one server: live utilizations while it goes, the report's operational figures at the end. */
function selectRunFigures(state: AppState, id: string): RunFigures {
  const index = state.nodeIndex[id];
  const throughput = state.snapshot?.measured?.throughput ?? null;
  if (index === undefined) return { live: null, report: null, throughput };
  return { live: state.snapshot?.nodes[index]?.resources ?? null, report: state.report?.nodes[index]?.resources ?? null, throughput };
}

interface RunFigures {
  live: LiveResources | null;
  report: ResourcesReport | null;
  /** The run's whole throughput since warm-up, or null before it is measured. */
  throughput: number | null;
}

/** The first closed-loop client's think time, or null. */
function thinkTime(scenario: Scenario): { users: number; think: number } | null {
  for (const n of scenario.nodes) if (n.kind === 'client' && n.workload.mode === 'closed') return { users: n.workload.users, think: distributionMean(n.workload.thinkTime) };
  return null;
}

/** The chart's data: the bounds from the configuration, the sweep's points. */
function chartData(demands: ServerDemands, loop: { users: number; think: number }, sweep: BoundsSweep | null, throughput: number | null): BoundsChartData {
  const points = sweep ? sweep.users.flatMap((users, i) => (sweep.throughput[i] === undefined ? [] : [{ users, throughput: sweep.throughput[i] as number }])) : [];
  const nStar = (demands.total + loop.think) * demands.maxThroughput;
  const maxUsers = Math.max(...(sweep?.users ?? []), loop.users, Math.ceil(2 * nStar), 2);
  const current = throughput === null ? null : { users: loop.users, throughput };
  return { demand: demands.total, think: loop.think, maxThroughput: demands.maxThroughput, bottleneck: demands.bottleneck, points, maxUsers, current };
}

/**
 * A server's resources read with the operational laws: each resource's demand
 * D_k (from the configuration, and as measured: V_k · S_k), its utilization,
 * the bottleneck, and the asymptotic bounds of a closed loop drawn against a
 * sweep of users run in the background.
 */
export function OperationalLaws({ node, label }: { node: NodeOf<'server'>; label: string }) {
  const scenario = useAppStore((s) => s.scenario);
  const demands = useMemo(() => serverDemands(scenario, node), [scenario, node]);
  const loop = useMemo(() => thinkTime(scenario), [scenario]);
  const select = useMemo(() => (state: AppState) => selectRunFigures(state, node.id), [node.id]);
  const run = useBeatValue(useMemo(() => memoBy(select), [select]));
  const sweep = useAppStore((s) => (s.boundsSweep?.serverId === node.id ? s.boundsSweep : null));
  const svgRef = useRef<SVGSVGElement>(null);
  const chartRef = useRef<ReturnType<typeof createBoundsChart> | null>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const chart = createBoundsChart(svg);
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

  const data = useMemo(() => (demands && loop ? chartData(demands, loop, sweep, run.throughput) : null), [demands, loop, sweep, run.throughput]);
  useEffect(() => chartRef.current?.update(data), [data]);

  if (!demands) return null;
  const running = sweep?.running ?? false;
  const measured = run.report;
  const title = `${label}: operational laws`;
  return (
    <figure className="sp-chart-figure sp-selected-wide sp-sweep sp-laws">
      <figcaption>
        {title}
        <span className="sp-sweep-controls">
          <button
            type="button"
            disabled={running || !loop}
            onClick={() => void useAppStore.getState().startBoundsSweep(node.id)}
            title={loop ? 'One full headless run per number of users, to draw throughput against the bounds' : 'The bounds are for a closed loop: give a client users who think'}
          >
            {running && sweep ? `Running ${sweep.progress.done}/${sweep.progress.total}` : 'Sweep users'}
          </button>
          {running && (
            <button type="button" aria-label="Cancel users sweep" onClick={() => useAppStore.getState().cancelBoundsSweep()}>
              Cancel
            </button>
          )}
        </span>
      </figcaption>
      {sweep?.problem && <p className="sp-faults-problem">{sweep.problem}</p>}
      {sweep?.cancelled && <p className="sp-faults-hint" role="status">{`Cancelled after ${sweep.progress.done} of ${sweep.progress.total} runs.`}</p>}
      <div className="sp-laws-body">
        <table className="sp-laws-table" aria-label={`${label}: service demand per resource`}>
          <thead>
            <tr>
              <th scope="col" className="sp-laws-cell sp-laws-name">resource</th>
              <th scope="col" className="sp-laws-cell" title="Busy units ÷ units since warm-up">U</th>
              <th scope="col" className="sp-laws-cell" title="Service demand D = V · S from the configuration, ms per request">D ms</th>
              <th scope="col" className="sp-laws-cell" title="Measured at the end of the run: visits per request V, ms per visit S, and D = V · S">V · S = D</th>
            </tr>
          </thead>
          <tbody>
            {demands.demands.map((d) => {
              const m = measured?.resources.find((r) => r.resource === d.resource);
              const bottleneck = d.resource === demands.bottleneck;
              return (
                <tr key={d.resource} className={bottleneck ? 'is-bottleneck' : undefined}>
                  <th scope="row" className="sp-laws-cell sp-laws-name">
                    {NAMES[d.resource]}
                    {d.units > 1 ? ` ×${d.units}` : ''}
                    {bottleneck && <span className="sp-laws-badge"> bottleneck</span>}
                  </th>
                  <td className="sp-laws-cell">{run.live ? pct(run.live[d.resource]) : '–'}</td>
                  <td className="sp-laws-cell">{ms(d.demand)}</td>
                  <td className="sp-laws-cell">{m ? `${m.visitRatio.toFixed(2)} · ${ms(m.serviceTime)} = ${ms(m.demand)}` : '–'}</td>
                </tr>
              );
            })}
            <tr>
              <th scope="row" className="sp-laws-cell sp-laws-name">Memory</th>
              <td className="sp-laws-cell">{run.live ? pct(run.live.memory) : '–'}</td>
              <td className="sp-laws-cell" colSpan={2}>{measured && measured.memory.pagingFactor > 1 ? `paging, CPU × ${measured.memory.pagingFactor.toFixed(2)}` : `of ${node.resources?.ramMB ?? 0} MB RAM`}</td>
            </tr>
          </tbody>
        </table>
        <p className="sp-laws-bound">
          {`X ≤ ${node.replicas * (demands.demands.find((d) => d.resource === demands.bottleneck)?.units ?? 1)} / D_${demands.bottleneck} = ${demands.maxThroughput.toFixed(1)}/s`}
          {loop ? ` · N* ≈ ${((demands.total + loop.think) * demands.maxThroughput).toFixed(0)} users` : ''}
        </p>
        <div className="sp-chart-box">
          <svg ref={svgRef} role="img" aria-label={`${label}: throughput against users, with the asymptotic bounds`} data-testid="bounds-chart" />
        </div>
      </div>
    </figure>
  );
}

/** Keeps the last answer while the inputs it reads are the same objects, so the beat re-renders only on change. */
function memoBy(select: (state: AppState) => RunFigures) {
  let last: RunFigures | null = null;
  return (state: AppState) => {
    const next = select(state);
    if (last && last.live === next.live && last.report === next.report && last.throughput === next.throughput) return last;
    last = next;
    return next;
  };
}
