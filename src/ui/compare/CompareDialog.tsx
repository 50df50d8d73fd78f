import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useAppStore } from '../../store';
import { type ComparisonOutcome, runComparison } from '../../store/compare-runs';
import { type CompareChartData, type CompareMeasure, createCompareChart } from '../../views/charts/compare-charts';
import { compareRows } from './compare-table';
import { compareVariants } from './compare-variants';
import './compare.css';

type Phase = { step: 'choose' } | { step: 'running'; label: string } | { step: 'done'; label: string; outcome: ComparisonOutcome };

/**
 * A/B: the scenario on the canvas (A) against it with one design choice
 * changed (B), both run whole by the background workers with the same seed:
 * the whole-run totals side by side with B's difference, and both runs'
 * p99 and throughput per window on shared axes.
 */
export function CompareDialog({ onClose }: { onClose(): void }) {
  const scenario = useAppStore((s) => s.scenario);
  const variants = useMemo(() => compareVariants(scenario), [scenario]);
  const [choice, setChoice] = useState(variants[0]?.id ?? '');
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const selectId = useId();
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);
  // Esc closes wherever the focus is (a finished run leaves it on the page behind).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const run = async () => {
    const variant = variants.find((v) => v.id === choice);
    if (!variant || phase.step === 'running') return;
    setPhase({ step: 'running', label: variant.label });
    const outcome = await runComparison(scenario, variant.scenario, scenario.seed);
    setPhase({ step: 'done', label: variant.label, outcome });
  };

  return (
    <div className="compare-backdrop">
      <div
        className="compare"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${selectId}-title`}
      >
        <div className="compare__head">
          <h2 id={`${selectId}-title`}>Compare two designs (A/B)</h2>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
        <p className="compare__note">
          A is the scenario on the canvas; B is the same with one change. Both run whole, with seed {scenario.seed} for {scenario.duration} s, in a
          background worker: the same seed gives each the same arrivals.
        </p>
        {variants.length === 0 ? (
          <p>This scenario has no balancer, cache or server to vary. Open an example with one.</p>
        ) : (
          <div className="compare__choose">
            <label htmlFor={selectId}>B: change</label>
            <select id={selectId} ref={first} value={choice} onChange={(event) => setChoice(event.target.value)}>
              {variants.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                </option>
              ))}
            </select>
            <button type="button" className="button button--primary" onClick={() => void run()} aria-disabled={phase.step === 'running'}>
              Run A and B
            </button>
          </div>
        )}
        <div role="status" className="compare__status">
          {phase.step === 'running' ? `Running A and B (${phase.label})…` : ''}
          {phase.step === 'done' && !phase.outcome.ok ? `The comparison did not run: ${phase.outcome.problem}` : ''}
        </div>
        {phase.step === 'done' && phase.outcome.ok && <CompareResults label={phase.label} outcome={phase.outcome} duration={scenario.duration} />}
      </div>
    </div>
  );
}

function CompareResults({ label, outcome, duration }: { label: string; outcome: Extract<ComparisonOutcome, { ok: true }>; duration: number }) {
  const rows = compareRows(outcome.a.totals, outcome.b.totals);
  const data: CompareChartData = { a: outcome.a.windows, b: outcome.b.windows, duration, labels: ['A', 'B'] };
  return (
    <div className="compare__results">
      <table className="compare__table" aria-label="A/B totals">
        <caption>
          Whole run after warm-up, seed {outcome.seed}. B: {label}
        </caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">B − A</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.measure}>
              <th scope="row">{row.measure}</th>
              <td>{row.a}</td>
              <td>{row.b}</td>
              <td className={`compare__diff compare__diff--${row.verdict}`}>
                {row.difference}
                {row.verdict === 'same' ? '' : row.verdict === 'better' ? ' better' : ' worse'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CompareFigure title="p99 latency per window: A solid, B dashed" measure="p99" data={data} />
      <CompareFigure title="Throughput per window: A solid, B dashed" measure="throughput" data={data} />
    </div>
  );
}

/** One overlaid chart, drawn once from the finished runs and redrawn when its box changes size. */
function CompareFigure({ title, measure, data }: { title: string; measure: CompareMeasure; data: CompareChartData }) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    const svg = ref.current;
    if (!svg) return;
    const chart = createCompareChart(svg, measure);
    const resize = () => {
      const box = svg.parentElement?.getBoundingClientRect();
      if (box && box.width > 0 && box.height > 0) chart.resize(box.width, box.height);
    };
    resize();
    chart.update(data);
    const observer = new ResizeObserver(resize);
    if (svg.parentElement) observer.observe(svg.parentElement);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [measure, data]);
  return (
    <figure className="sp-chart-figure compare__figure">
      <figcaption>{title}</figcaption>
      <div className="sp-chart-box">
        <svg ref={ref} role="img" aria-label={title} />
      </div>
    </figure>
  );
}
