import { useMemo, useState } from 'react';
import { fitUsl } from '../../engine/parallel/scalability';
import { nodeFieldBounds } from '../../scenario/field-bounds';
import { numericFieldPaths } from '../../scenario/field-paths';
import { MAX_PARALLEL_WORKERS } from '../../scenario/parallel-job-schema';
import type { ScenarioNode } from '../../scenario/schema';
import { useAppStore } from '../../store';
import type { FieldSweep as FieldSweepState } from '../../store/field-sweep-slice';
import { createSpeedupChart, type SpeedupChartData } from '../../views/charts/speedup-chart';
import { createSweepResultChart, SWEEP_METRICS, type SweepMetric, type SweepResultData } from '../../views/charts/sweep-result-chart';
import type { FieldSweepPoint, PoolSpeedup } from '../../worker/protocol';
import { type SweepRange, suggestSweepRange, sweepRangeProblem } from './sweep-range';
import { useD3Chart } from './use-d3-chart';

const NO_POINTS: FieldSweepPoint[] = [];
const NO_MACHINE: PoolSpeedup[] = [];

/** The store's field sweep when this node's panel started it. */
const useSweepOf = (nodeId: string): FieldSweepState | null => useAppStore((s) => (s.fieldSweep?.nodeId === nodeId ? s.fieldSweep : null));

/** Where the sweep stands, on the figure as a data attribute: tests wait on it without walking the page's accessibility tree. */
function sweepState(sweep: FieldSweepState | null): string {
  if (!sweep) return 'idle';
  if (sweep.running) return 'running';
  return sweep.problem ? 'failed' : sweep.cancelled ? 'cancelled' : 'done';
}

/** The range a field's sweep offers first: N = 1…64 for a parallel job, else around its value within its bounds (sweep-range.ts). */
function defaultRange(node: ScenarioNode, path: string, value: number): SweepRange {
  if (node.kind === 'parallelJob' && path.endsWith('.workers')) return { from: 1, to: MAX_PARALLEL_WORKERS, steps: 16 };
  return suggestSweepRange(value, nodeFieldBounds(node, path));
}

/** The field's name as the list shows it: its path inside the node (`workload.rate`). */
const fieldName = (path: string) => path.split('.').slice(2).join('.');

/** A width that shows the whole number typed (a 48 px box showed 40000 as "400"), plus room for the spin buttons. */
const inputWidth = (value: number) => `calc(${Math.max(3, String(value).length)}ch + 30px)`;

/** The value at `path` of `node` (a path the node's own list gave). */
function valueAt(node: ScenarioNode, path: string): number {
  let value: unknown = node;
  for (const key of path.split('.').slice(2)) value = (value as Record<string, unknown>)[key];
  return typeof value === 'number' ? value : 0;
}

/** Sweeps one numeric field of the node over a range, on the page's background workers, and charts the runs. */
export function FieldSweep({ node, label }: { node: ScenarioNode; label: string }) {
  const fields = useMemo(() => numericFieldPaths(node), [node]);
  const preferred = node.kind === 'parallelJob' ? `nodes.${node.id}.workers` : (fields.find((f) => /\.(replicas|rate|capacity|workers)$/.test(f)) ?? fields[0] ?? '');
  const [path, setPath] = useState(preferred);
  const field = fields.includes(path) ? path : preferred;
  const [range, setRange] = useState(() => defaultRange(node, field, valueAt(node, field)));
  const [metric, setMetric] = useState<SweepMetric>('throughput');
  /** Why the typed range cannot run, shown after Sweep was pressed; cleared by the next edit. */
  const [rangeProblem, setRangeProblem] = useState<string | null>(null);
  const sweep = useSweepOf(node.id);
  const machine = useAppStore((s) => s.machineSpeedups) ?? NO_MACHINE;
  const points = sweep?.points ?? NO_POINTS;
  const running = sweep?.running ?? false;
  const speedupView = node.kind === 'parallelJob' && (sweep?.path ?? field) === `nodes.${node.id}.workers`;
  const title = speedupView ? `${label}: speedup against N` : `${label}: sweep`;

  const pick = (next: string) => {
    setPath(next);
    setRange(defaultRange(node, next, valueAt(node, next)));
    setRangeProblem(null);
  };
  const start = () => {
    const problem = sweepRangeProblem(range, fieldName(field), nodeFieldBounds(node, field));
    setRangeProblem(problem);
    if (problem === null) void useAppStore.getState().startFieldSweep(node.id, { path: field, ...range });
  };
  const number = (key: 'from' | 'to' | 'steps') => (e: React.ChangeEvent<HTMLInputElement>) => {
    setRange({ ...range, [key]: e.target.valueAsNumber });
    setRangeProblem(null);
  };
  const invalid = rangeProblem !== null;
  // Both ends are marked when the range is refused: the message says which way round it must be.
  const rangeEnd = (key: 'from' | 'to') => (
    <input
      type="number"
      aria-label={`Sweep ${key}`}
      aria-invalid={invalid || undefined}
      style={{ width: inputWidth(range[key]) }}
      value={Number.isNaN(range[key]) ? '' : range[key]}
      onChange={number(key)}
      disabled={running}
    />
  );

  return (
    <figure className="sp-chart-figure sp-selected-wide sp-sweep sp-field-sweep" data-sweep-state={sweepState(sweep)}>
      <figcaption>
        {title}
        <span className="sp-sweep-controls">
          <select aria-label="Field to sweep" value={field} onChange={(e) => pick(e.target.value)} disabled={running}>
            {fields.map((f) => (
              <option key={f} value={f}>
                {fieldName(f)}
              </option>
            ))}
          </select>
          {rangeEnd('from')}
          <span aria-hidden>–</span>
          {rangeEnd('to')}
          <input type="number" aria-label="Sweep steps" title="Runs: values evenly spaced over the range" value={Number.isNaN(range.steps) ? '' : range.steps} onChange={number('steps')} disabled={running} />
          {running ? (
            <button type="button" onClick={() => useAppStore.getState().cancelFieldSweep()} title="Stop the workers running points; keep the points so far">
              Cancel
            </button>
          ) : (
            <button type="button" onClick={start} title="One full headless run per value, spread over this computer's cores">
              Sweep
            </button>
          )}
        </span>
      </figcaption>
      <div className="sp-sweep-status">
        {running && sweep && (
          <progress className="sp-sweep-progress" aria-label="Sweep progress" max={sweep.progress.total} value={sweep.progress.done}>
            {`${sweep.progress.done} of ${sweep.progress.total}`}
          </progress>
        )}
        {rangeProblem && (
          <p className="sp-faults-problem" role="alert">
            {rangeProblem}
          </p>
        )}
        {!rangeProblem && sweep?.problem && (
          <p className="sp-faults-problem" role="alert">
            {sweep.problem}
          </p>
        )}
        {sweep?.cancelled && <p className="sp-faults-hint" role="status">{`Cancelled after ${sweep.points.length} of ${sweep.progress.total} runs.`}</p>}
        {sweep?.machine && !running && (
          <p
            className="sp-faults-hint"
            role="status"
            title="The runs' own times added up, over the wall clock the sweep took: how much faster this computer's background workers made it"
          >
            {`This computer: ${sweep.machine.workers} workers, ${sweep.machine.speedup.toFixed(1)}× faster than one by one (${Math.round((100 * sweep.machine.speedup) / sweep.machine.workers)} %)`}
          </p>
        )}
        {!speedupView && (
          <select className="sp-sweep-metric" aria-label="Figure to plot" value={metric} onChange={(e) => setMetric(e.target.value as SweepMetric)}>
            {(Object.keys(SWEEP_METRICS) as SweepMetric[]).map((m) => (
              <option key={m} value={m}>
                {SWEEP_METRICS[m].label}
              </option>
            ))}
          </select>
        )}
      </div>
      {speedupView && node.kind === 'parallelJob' ? (
        <SpeedupFigure points={points} serialFraction={node.serialFraction} machine={machine} title={title} />
      ) : (
        <ResultFigure points={points} metric={metric} field={sweep?.path ?? field} title={title} />
      )}
    </figure>
  );
}

function SpeedupFigure({ points, serialFraction, machine, title }: { points: readonly FieldSweepPoint[]; serialFraction: number; machine: readonly PoolSpeedup[]; title: string }) {
  const data = useMemo((): SpeedupChartData => {
    const measured = points.filter((p) => p.speedup !== null).map((p) => ({ n: p.value, speedup: p.speedup as number }));
    return { points: measured, serialFraction, fit: fitUsl(measured), machine, maxWorkers: MAX_PARALLEL_WORKERS };
  }, [points, serialFraction, machine]);
  const ref = useD3Chart(createSpeedupChart, data);
  return (
    <div className="sp-chart-box">
      <svg ref={ref} role="img" aria-label={title} data-testid="speedup-chart" />
    </div>
  );
}

function ResultFigure({ points, metric, field, title }: { points: readonly FieldSweepPoint[]; metric: SweepMetric; field: string; title: string }) {
  const data = useMemo((): SweepResultData => ({ points, metric, field }), [points, metric, field]);
  const ref = useD3Chart(createSweepResultChart, data);
  return (
    <div className="sp-chart-box">
      <svg ref={ref} role="img" aria-label={title} data-testid="sweep-result-chart" />
    </div>
  );
}
