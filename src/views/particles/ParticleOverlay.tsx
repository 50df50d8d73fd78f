import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store';
import { onDisplayBeat } from '../../store/display-beat';
import type { AppState } from '../../store/types';
import { useBeatValue } from '../../store/use-beat-value';
import { setAttr } from '../dom-writes';
import type { PainterMessage, PainterStats } from './particle-painter';
import { MAX_LIVE_PARTICLES, ParticlePool } from './particle-pool';
import { createParticleRenderer, PARTICLE_COLORS } from './particle-renderer';
import { createFlowScene, type FlowScene, readScene, type SceneSnapshot } from './particle-scene';
import { provideParticleFrame } from './particle-snapshot';
import './particles.css';

export { MAX_LIVE_PARTICLES };

const LEGEND = [
  ['request', 'request'],
  ['ok', 'ok'],
  ['error', 'error'],
  ['dropped', 'dropped (queue full)'],
  ['timedOut', 'timed out'],
  ['probe', 'health probe'],
] as const;

/** While particles may move, the page looks this often (ms) whether links or the viewport moved without telling the flow store. */
const SCENE_CHECK_MS = 250;

/**
 * Request particles moving along the links, drawn on a canvas over the flow
 * pane (render it as a child of <ReactFlow>). Batches arrive through the
 * store's particle feed, never through React. Where the browser can, a worker
 * owns the canvas and draws every frame (the page posts batches and, when it
 * changes, the scene); elsewhere requestAnimationFrame draws on the page.
 */
export function ParticleOverlay() {
  const hostRef = useRef<HTMLDivElement>(null);
  const flow = useStoreApi();

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // A fresh canvas per mount: a canvas can hand its control to a worker only once.
    const canvas = document.createElement('canvas');
    canvas.className = 'sp-particles';
    canvas.dataset.testid = 'particle-overlay';
    host.append(canvas);
    const root = canvas.closest('.react-flow') ?? host.parentElement ?? document.body;
    const scene = createFlowScene(root, () => flow.getState());
    const stop = canPaintInWorker(canvas) ? paintInWorker(canvas, scene, (listener) => flow.subscribe(listener)) : paintOnPage(canvas, scene);
    return () => {
      stop();
      canvas.remove();
    };
  }, [flow]);

  return <div ref={hostRef} className="sp-particles-host" />;
}

const selectSampleEvery = (s: AppState) => s.sampleEvery;

/** Colour key, and the sampling rate when not every request is drawn: the page places it beside the flow pane, not over it. */
export function ParticleLegend() {
  // Read on the display beat: at full speed the rate is retuned on nearly every frame.
  const sampleEvery = useBeatValue(selectSampleEvery);
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

function canPaintInWorker(canvas: HTMLCanvasElement): boolean {
  return typeof Worker !== 'undefined' && typeof OffscreenCanvas !== 'undefined' && typeof canvas.transferControlToOffscreen === 'function';
}

/** The particle worker's answer to a snapshot ask. */
interface SnapshotReply {
  type: 'snapshot';
  id: number;
  bitmap: ImageBitmap | null;
}

/** A reset or a new load: the old run's particles vanish at once, and links may have changed. */
const runChanged = (state: AppState, previous: AppState) => state.metricsEpoch !== previous.metricsEpoch || state.linkIds !== previous.linkIds;

/** The canvas's size in CSS pixels: one canvas pixel each (dots need no retina sharpness, and 4× fewer pixels keeps frames cheap). */
function cssSize(canvas: HTMLCanvasElement): { width: number; height: number } {
  const box = canvas.getBoundingClientRect();
  return { width: box.width, height: box.height };
}

/** Hands the canvas to a worker that draws the particles; the page only posts batches and scene changes. Returns the stop function. */
function paintInWorker(canvas: HTMLCanvasElement, scene: FlowScene, onFlowChange: (listener: () => void) => () => void): () => void {
  const worker = new Worker(new URL('./particle.worker.ts', import.meta.url), { type: 'module', name: 'particles' });
  const post = (message: PainterMessage, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  // Counts for the frame-time measurement and the e2e tests, written on the display beat: a DOM write of its own would cost a frame.
  let stats: PainterStats | null = null;
  // Exports ask for the frame on screen; the worker answers each ask by its id.
  const asked = new Map<number, (bitmap: ImageBitmap | null) => void>();
  let nextAsk = 0;
  worker.addEventListener('message', (event: MessageEvent<PainterStats | SnapshotReply>) => {
    const data = event.data;
    if ('type' in data) {
      asked.get(data.id)?.(data.bitmap);
      asked.delete(data.id);
    } else {
      stats = data;
    }
  });
  const stopFrames = provideParticleFrame(
    () =>
      new Promise((resolve) => {
        const id = nextAsk++;
        asked.set(id, (bitmap) => resolve(bitmap ? { image: bitmap, width: bitmap.width, height: bitmap.height, box: canvas.getBoundingClientRect() } : null));
        post({ type: 'snapshot', id });
      }),
  );
  const stopStats = onDisplayBeat(() => {
    if (!stats) return;
    setAttr(canvas, 'data-drawn', stats.drawn);
    setAttr(canvas, 'data-particles', stats.particles);
  });
  const offscreen = canvas.transferControlToOffscreen();
  post({ type: 'canvas', canvas: offscreen, ...cssSize(canvas) }, [offscreen]);

  let shown: SceneSnapshot | null = null;
  const checkScene = () => {
    const next = readScene(scene, useAppStore.getState().linkIds.length, shown);
    if (next === null) return;
    shown = next;
    post({ type: 'scene', scene: next });
  };
  let checkQueued = 0;
  // After a pan, zoom or drag, React Flow has redrawn the edges by the next frame.
  const queueCheck = () => {
    if (checkQueued === 0) {
      checkQueued = requestAnimationFrame(() => {
        checkQueued = 0;
        checkScene();
      });
    }
  };
  checkScene();
  const stopFlow = onFlowChange(queueCheck);
  const checker = setInterval(() => {
    if (useAppStore.getState().runStatus === 'running' || (canvas.dataset.particles ?? '0') !== '0') checkScene();
  }, SCENE_CHECK_MS);

  const stopFeed = useAppStore.getState().particles.subscribe(({ receivedAt: _, ...delivery }) => post({ type: 'particles', delivery }));
  const stopEpoch = useAppStore.subscribe((state, previous) => {
    if (runChanged(state, previous)) {
      post({ type: 'clear' });
      scene.invalidate();
      queueCheck();
    } else if (state.scenario !== previous.scenario) {
      queueCheck();
    }
  });
  const observer = new ResizeObserver(() => post({ type: 'resize', ...cssSize(canvas) }));
  observer.observe(canvas);
  return () => {
    stopFrames();
    for (const answer of asked.values()) answer(null);
    stopFeed();
    stopEpoch();
    stopFlow();
    stopStats();
    clearInterval(checker);
    if (checkQueued) cancelAnimationFrame(checkQueued);
    observer.disconnect();
    worker.terminate();
  };
}

/** Draws the particles on the page with requestAnimationFrame (browsers without OffscreenCanvas). Returns the stop function. */
function paintOnPage(canvas: HTMLCanvasElement, scene: FlowScene): () => void {
  const pool = new ParticlePool(MAX_LIVE_PARTICLES);
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
  const stopEpoch = useAppStore.subscribe((state, previous) => {
    if (runChanged(state, previous)) {
      pool.clear();
      scene.invalidate();
      wake();
    }
  });
  const resize = () => {
    const { width, height } = cssSize(canvas);
    renderer.resize(width, height);
    wake();
  };
  resize();
  const observer = new ResizeObserver(resize);
  observer.observe(canvas);
  const stopFrames = provideParticleFrame(async () => ({ image: canvas, width: canvas.width, height: canvas.height, box: canvas.getBoundingClientRect() }));
  return () => {
    stopFrames();
    stopFeed();
    stopEpoch();
    observer.disconnect();
    if (frame) cancelAnimationFrame(frame);
  };
}
