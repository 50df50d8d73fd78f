/**
 * Where particles run on the page: link geometry read from the edges React
 * Flow drew, and the flow's viewport. Read on the page's main thread (it
 * needs the DOM); a worker that paints the particles gets it as a
 * `SceneSnapshot` whenever it changes.
 */
import type { Link, Scenario } from '../../scenario/schema';
import { useAppStore } from '../../store';
import { type LinkPath, polyline, samplePath } from './link-geometry';
import type { ParticleScene } from './particle-renderer';

/** A scene that can be told its cached geometry is stale (a new run, another scenario). */
export interface FlowScene extends ParticleScene {
  invalidate(): void;
}

/** What a painter in a worker needs of the scene: the viewport and each link's path (null when not drawn). */
export interface SceneSnapshot {
  transform: readonly [number, number, number];
  links: (LinkPath | null)[];
}

interface FlowState {
  transform: [number, number, number];
  nodeLookup: Map<string, { internals: { positionAbsolute: { x: number; y: number } }; measured: { width?: number; height?: number } }>;
}

let linksFor: Scenario | null = null;
let linksById = new Map<string, Link>();

/** True when `scenario` (what the canvas shows) has a link with `link`'s id joining the same nodes. */
function sameLink(scenario: Scenario, link: Pick<Link, 'id' | 'from' | 'to'>): boolean {
  if (linksFor !== scenario) {
    linksFor = scenario;
    linksById = new Map(scenario.links.map((l) => [l.id, l]));
  }
  const shown = linksById.get(link.id);
  return shown !== undefined && shown.from === link.from && shown.to === link.to;
}

/**
 * Link geometry read from the edges React Flow drew (exact for any edge
 * type), re-sampled only when an edge's path changes; links without a drawn
 * edge fall back to a straight line between their nodes' handles.
 */
export function createFlowScene(root: Element, flowState: () => FlowState): FlowScene {
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
      const { linkIds, linkEnds, scenario } = useAppStore.getState();
      const id = linkIds[index];
      const link = linkEnds[index];
      if (id === undefined || !link) return null;
      // The canvas may show another system than the one running (an import or New mid-run):
      // draw only on links that still join the same two nodes.
      if (!sameLink(scenario, { id, ...link })) {
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

/** The scene for `linkCount` links now, or null when it is what `previous` already holds. */
export function readScene(scene: ParticleScene, linkCount: number, previous: SceneSnapshot | null): SceneSnapshot | null {
  scene.beginFrame?.();
  const [x, y, zoom] = scene.transform();
  const links = Array.from({ length: linkCount }, (_, i) => scene.linkPath(i));
  // Paths are kept (the same objects) while their edges do not change, so identity says whether anything moved.
  const same =
    previous !== null &&
    previous.transform[0] === x &&
    previous.transform[1] === y &&
    previous.transform[2] === zoom &&
    previous.links.length === links.length &&
    links.every((path, i) => path === previous.links[i]);
  return same ? null : { transform: [x, y, zoom], links };
}
