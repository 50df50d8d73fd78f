/**
 * The cache's or CDN's figures for the node selected on the canvas (or the
 * scenario's first cache or CDN): hit ratio over time beside theory, hit
 * ratio by rank, stale reads and lost writes, the load behind it with and
 * without it, and a CDN's origin offload.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Report, WindowSample } from '../../engine/types';
import type { Scenario } from '../../scenario/schema';
import { useAppStore } from '../../store';
import { type BaselineRun, baselineRun, earlyTheories } from '../../store/background-runs';
import type { AppState } from '../../store/types';
import { createBackendLoadChart, createCacheHitRatioChart } from '../../views/cache/cache-charts';
import { backendLoadData, type CachingTarget, cachingTarget, cdnOffload, hitRatioData, rankBars, stalenessFigures } from '../../views/cache/cache-view-data';
import { createCacheRankView } from '../../views/cache/cache-rank-view';
import { createCacheStalenessView } from '../../views/cache/cache-staleness-view';
import { createCdnOffloadView } from '../../views/cache/cdn-offload-view';
import type { Chart } from '../../views/charts/time-series-chart';
import { LiveFigure } from '../../views/LiveFigure';
import type { EarlyTheory } from '../../worker/protocol';
import './cache-panel.css';

const shownScenario = (state: AppState): Scenario => state.runScenario ?? state.scenario;
const selectedNodeId = (state: AppState): string | null => (state.selection?.kind === 'node' ? state.selection.id : null);

/**
 * A version that changes when the windows or the report do. The figures are
 * drawn from those and from the latest live frame, read when a window closes:
 * live counts then move once a simulated second, not at every frame.
 */
function runVersion(): (state: AppState) => unknown {
  let windows: readonly WindowSample[] | null = null;
  let report: Report | null | undefined;
  let token = {};
  return (state) => {
    if (state.windows !== windows || state.report !== report) {
      windows = state.windows;
      report = state.report;
      token = {};
    }
    return token;
  };
}

/** One view of the panel, redrawn when a window closes or the report arrives. */
function CacheFigure<Data>(props: { title: string; create: (svg: SVGSVGElement) => Chart<Data>; select: (state: AppState) => Data }) {
  const version = useMemo(runVersion, []);
  return <LiveFigure {...props} version={version} />;
}

/**
 * The engine's theory for the cache before the run ends (a quick background
 * job that goes ahead of the runs waiting for a worker, the baseline too).
 */
function useEarlyTheory(runScenario: Scenario | null, target: CachingTarget): EarlyTheory {
  const [theory, setTheory] = useState<EarlyTheory>(null);
  useEffect(() => {
    setTheory(null);
    if (!runScenario) return;
    let alive = true;
    earlyTheories(runScenario, runScenario.seed).then((theories) => {
      const mine = theories?.[target.index] ?? null;
      // Only when the worker's scenario is the one the target's index points into.
      if (alive && runScenario.nodes[target.index]?.id === target.id) setTheory(mine);
    });
    return () => {
      alive = false;
    };
  }, [runScenario, target]);
  return theory;
}

type BaselineState = { status: 'none' | 'running' } | { status: 'done'; run: BaselineRun };

/** Runs the scenario without the cache once a run has started, for the load chart's dashed line. */
function useBaseline(runScenario: Scenario | null, target: CachingTarget): BaselineState {
  const [state, setState] = useState<BaselineState>({ status: 'none' });
  useEffect(() => {
    if (!runScenario || target.backends.length === 0) {
      setState({ status: 'none' });
      return;
    }
    let alive = true;
    setState({ status: 'running' });
    baselineRun(runScenario, target.id, runScenario.seed).then((run) => {
      if (alive) setState(run ? { status: 'done', run } : { status: 'none' });
    });
    return () => {
      alive = false;
    };
  }, [runScenario, target]);
  return state;
}

function CachingFigures({ target, runScenario }: { target: CachingTarget; runScenario: Scenario | null }) {
  const early = useEarlyTheory(runScenario, target);
  const baseline = useBaseline(runScenario, target);
  const run = baseline.status === 'done' ? baseline.run : null;
  const selectors = useMemo(() => {
    const duration = (state: AppState) => shownScenario(state).duration;
    return {
      hitRatio: (state: AppState) => hitRatioData(state.windows, state.report, target, duration(state), early),
      ranks: (state: AppState) => rankBars(state.report, target),
      staleness: (state: AppState) => stalenessFigures(state.report, target, state.snapshot),
      offload: (state: AppState) => cdnOffload(state.report, target, state.snapshot),
      load: (state: AppState) => backendLoadData(state.windows, target, duration(state), run),
    };
  }, [target, run, early]);
  const what = target.kind === 'cdn' ? 'CDN' : 'cache';
  const behind = target.kind === 'cdn' ? 'Origin' : target.backends.length > 1 ? 'Databases' : 'Database';
  const loadTitle =
    baseline.status === 'done'
      ? `${behind} load with and without the ${what}`
      : baseline.status === 'running'
        ? `${behind} load (the run without the ${what} is being computed)`
        : `${behind} load over time (no run without the ${what})`;
  return (
    <>
      <h3>{`${target.kind === 'cdn' ? 'CDN' : 'Cache'}: ${target.label}`}</h3>
      <CacheFigure title={target.kind === 'cdn' ? 'Hit ratio per edge, with theory' : 'Hit ratio, with theory'} create={createCacheHitRatioChart} select={selectors.hitRatio} />
      <CacheFigure title="Hit ratio by popularity rank" create={createCacheRankView} select={selectors.ranks} />
      {target.kind === 'cache' && <CacheFigure title="Stale reads and lost writes" create={createCacheStalenessView} select={selectors.staleness} />}
      {target.kind === 'cdn' && <CacheFigure title="Origin offload" create={createCdnOffloadView} select={selectors.offload} />}
      {target.backends.length > 0 && <CacheFigure key={loadTitle} title={loadTitle} create={createBackendLoadChart} select={selectors.load} />}
    </>
  );
}

/** The figures of the selected cache or CDN (or the first one); nothing when the scenario has neither. */
export function CachePanel() {
  const scenario = useAppStore(shownScenario);
  const runScenario = useAppStore((state) => state.runScenario);
  const selectedId = useAppStore(selectedNodeId);
  const target = useMemo(() => cachingTarget(scenario, selectedId), [scenario, selectedId]);
  if (!target) return null;
  return (
    <section className="sp-cache-panel" aria-label="Cache figures">
      <CachingFigures key={`${target.id} ${target.index}`} target={target} runScenario={runScenario} />
    </section>
  );
}
