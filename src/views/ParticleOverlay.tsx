import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { Link, Scenario } from '../scenario/schema';
import { useAppStore } from '../store';
import { type LinkPath, polyline, samplePath } from './link-geometry';
import { ParticlePool } from './particle-pool';
import { createParticleRenderer, PARTICLE_COLORS, type ParticleScene } from './particle-renderer';
import './runtime.css';

/** Particles kept on screen at most; the worker samples requests to stay under it. */
export const MAX_LIVE_PARTICLES = 5000;

const LEGEND = [
  ['request', 'request'],
  ['ok', 'ok'],
  ['error', 'error'],
  ['dropped', 'dropped (queue full)'],
  ['timedOut', 'timed out'],
  ['probe', 'health probe'],
] as const;

/**
 * Request particles moving along the links, drawn on a canvas over the flow
 * pane (render it as a child of <ReactFlow>). Batches arrive through the
 * store's particle feed; requestAnimationFrame draws them, React never does.
 */
export function ParticleOverlay() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const root = canvas.closest('.react-flow') ?? canvas.parentElement ?? document.body;
    const pool = new ParticlePool(MAX_LIVE_PARTICLES);
    const scene = createFlowScene(root, () => flow.getState());
    const renderer = createParticleRenderer(canvas, scene);
    let frame = 0;

    const loop = (now: number) => {
      // Exposed for the frame-time measurement and the e2e tests.
      canvas.dataset.drawn = String(renderer.draw(now, pool));
      canvas.dataset.particles = String(pool.size);
      // Keep animating while anything is on its way; sleep when the pool is empty.
      frame = pool.size > 0 ? requestAnimationFrame(loop) : 0;
    };
    const wake = () => {
      if (frame === 0) frame = requestAnimationFrame(loop);
    };
    const stopFeed = useAppStore.getState().particles.subscribe((delivery) => {
      pool.add(delivery);
      wake();
    });
    // A reset or a new load: the old run's particles vanish at once.
    const stopEpoch = useAppStore.subscribe((state, previous) => {
      if (state.metricsEpoch !== previous.metricsEpoch || state.linkIds !== previous.linkIds) {
        pool.clear();
        scene.invalidate();
        wake();
      }
    });
    const resize = () => {
      const box = canvas.getBoundingClientRect();
      // One canvas pixel per CSS pixel: dots need no retina sharpness, and 4× fewer pixels keeps frames cheap.
      renderer.resize(box.width, box.height);
      wake();
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    return () => {
      stopFeed();
      stopEpoch();
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [flow]);

  return (
    <>
      <canvas ref={canvasRef} className="sp-particles" data-testid="particle-overlay" />
      <ParticleLegend />
    </>
  );
}

/** Colour key, and the sampling rate when not every request is drawn. */
function ParticleLegend() {
  const sampleEvery = useAppStore((s) => s.sampleEvery);
  const started = useAppStore((s) => s.runStatus !== 'idle');
  if (!started) return null;
  return (
    <div className="sp-particles-legend">
      {LEGEND.map(([kind, label]) => (
        <span key={kind}>
          <i style={{ background: PARTICLE_COLORS[kind] }} />
          {label}
        </span>
      ))}
      {sampleEvery > 1 ? (
        <span className="sp-particles-sampling" data-testid="particle-sampling">
          showing 1 in {sampleEvery.toLocaleString('en-US')} requests
        </span>
      ) : null}
    </div>
  );
}

let linksFor: Scenario | null = null;
let linksById = new Map<string, Link>();

/** True when `scenario` (what the canvas shows) has a link with `link`'s id joining the same nodes. */
function sameLink(scenario: Scenario, link: Link): boolean {
  if (linksFor !== scenario) {
    linksFor = scenario;
    linksById = new Map(scenario.links.map((l) => [l.id, l]));
  }
  const shown = linksById.get(link.id);
  return shown !== undefined && shown.from === link.from && shown.to === link.to;
}

interface FlowState {
  transform: [number, number, number];
  nodeLookup: Map<string, { internals: { positionAbsolute: { x: number; y: number } }; measured: { width?: number; height?: number } }>;
}

/**
 * Link geometry read from the edges React Flow drew (exact for any edge
 * type), re-sampled only when an edge's path changes; links without a drawn
 * edge fall back to a straight line between their nodes' handles.
 */
function createFlowScene(root: Element, flowState: () => FlowState): ParticleScene & { invalidate(): void } {
  let cache: ({ element: SVGPathElement | null; d: string | null; path: LinkPath | null; frame: number } | undefined)[] = [];
  let frame = 0;

  const edgeElement = (id: string): SVGPathElement | null =>
    root.querySelector<SVGPathElement>(`.react-flow__edge[data-id="${CSS.escape(id)}"] path.react-flow__edge-path`);

  const straightLine = (from: string, to: string): LinkPath | null => {
    const lookup = flowState().nodeLookup;
    const a = lookup.get(from);
    const b = lookup.get(to);
    if (!a || !b) return null;
    const ay = a.internals.positionAbsolute.y + (a.measured.height ?? 0) / 2;
    const by = b.internals.positionAbsolute.y + (b.measured.height ?? 0) / 2;
    return polyline([a.internals.positionAbsolute.x + (a.measured.width ?? 0), ay, b.internals.positionAbsolute.x, by]);
  };

  return {
    beginFrame() {
      frame++;
    },
    invalidate() {
      cache = [];
    },
    transform: () => flowState().transform,
    linkPath(index) {
      const entry = cache[index];
      // Geometry is checked once per frame per link: nodes may have moved.
      if (entry && entry.frame === frame) return entry.path;
      const { linkIds, runScenario, scenario } = useAppStore.getState();
      const id = linkIds[index];
      const link = runScenario?.links[index];
      if (id === undefined || !link) return null;
      // The canvas may show another system than the one running (an import or New mid-run):
      // draw only on links that still join the same two nodes.
      if (!sameLink(scenario, link)) {
        cache[index] = { element: null, d: null, path: null, frame };
        return null;
      }
      const element = entry?.element?.isConnected ? entry.element : edgeElement(id);
      const d = element?.getAttribute('d') ?? null;
      let path = entry?.path ?? null;
      if (!entry || d !== entry.d || (element === null && frame % 30 === 0)) {
        path = element && d ? samplePath(element) : straightLine(link.from, link.to);
      }
      cache[index] = { element, d, path, frame };
      return path;
    },
  };
}
