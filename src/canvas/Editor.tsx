import {
  Background,
  type Connection,
  Controls,
  type FinalConnectionState,
  MiniMap,
  type NodeChange,
  type EdgeChange,
  type OnDelete,
  ReactFlow,
  useReactFlow,
  type Viewport,
} from '@xyflow/react';
import { type DragEvent, type ReactNode, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { isNodeKind } from '../scenario/kinds';
import { useAppStore } from '../store';
import { parseBreakerStates, selectBreakerStates } from '../store/breaker-states';
import { useBeatValue } from '../store/use-beat-value';
import { ConnectionHintLine } from './ConnectionHintLine';
import { fitViewOptions, openingViewport } from './fit-view';
import { HealthLegend } from './HealthLegend';
import { connectionProblem } from '../scenario/connection-rules';
import { type ScenarioFlowEdge, toFlowEdges, toFlowNodes } from './flow-mapping';
import type { Size, XY } from '../scenario/node-factory';
import { NodeCard, type ScenarioFlowNode } from './NodeCard';
import { KIND_LOOK } from './node-kinds';
import { NODE_KIND_MIME } from './Palette';

const nodeTypes = { scenario: NodeCard };
const deleteKeys = ['Delete', 'Backspace'];
// Small enough not to hide nodes on a laptop screen.
const MINIMAP_SIZE = { width: 150, height: 96 };

/**
 * The canvas. The store's scenario is the only truth: React Flow is fully
 * controlled, and a drag keeps draft positions locally so the whole drag is
 * one scenario edit (and one undo step) when it ends. `overlay` is drawn
 * inside the flow pane (the particle overlay), passed in by the page so the
 * canvas does not depend on the run views; `legend` (the particles' key)
 * goes in a band above the pane, and the zoom buttons and the node colours'
 * key in a band below it: nothing the run shows ever lies over a card.
 */
export function Editor({ overlay, legend, prepaintViewport }: { overlay?: ReactNode; legend?: ReactNode; prepaintViewport?: Viewport }) {
  const scenario = useAppStore((s) => s.scenario);
  const selection = useAppStore((s) => s.selection);
  const fitRequest = useAppStore((s) => s.fitRequest);
  const presenter = useAppStore((s) => s.presenter);
  const fitOptions = useMemo(() => fitViewOptions(presenter), [presenter]);
  const { addNode, moveNodes, removeElements, connect, select, notify } = useAppStore.getState();
  const { screenToFlowPosition, setViewport } = useReactFlow();
  const [drafts, setDrafts] = useState<Record<string, XY>>({});
  // Measured card sizes must be handed back to controlled nodes, or the minimap and fit view lose them.
  const [sizes, setSizes] = useState<Record<string, Size>>({});

  const nodes = useMemo(() => toFlowNodes(scenario.nodes, selection, drafts, sizes), [scenario.nodes, selection, drafts, sizes]);
  // The canvas is measured before its first paint, and the flow mounts already fitted to it (see openingViewport).
  const canvasRef = useRef<HTMLDivElement>(null);
  // A build's prepaint (src/prepaint) renders on the server, where layout effects never run: it passes the viewport.
  const [opening, setOpening] = useState<Viewport | null>(prepaintViewport ?? null);
  useLayoutEffect(() => {
    const box = canvasRef.current?.getBoundingClientRect();
    setOpening(openingViewport(useAppStore.getState().scenario.nodes, box?.width ?? 0, box?.height ?? 0, fitViewOptions(useAppStore.getState().presenter)));
  }, []);
  const breakerKey = useBeatValue(selectBreakerStates);
  const edges = useMemo(
    () => toFlowEdges(scenario.links, scenario.nodes, selection, parseBreakerStates(breakerKey), scenario.mesh),
    [scenario.links, scenario.nodes, selection, breakerKey, scenario.mesh],
  );

  // A new scenario, or presenter mode turned on or off (the canvas changed size and the type must grow): fit again.
  const fitted = useRef({ fitRequest, presenter });
  useEffect(() => {
    if (fitted.current.fitRequest === fitRequest && fitted.current.presenter === presenter) return;
    fitted.current = { fitRequest, presenter };
    // Two frames: the panels' new layout has to settle before the canvas measures itself. The fit is the opening
    // one (a wide scenario shows its left-most cards whole), so an example opened from the menu lands as it would on a fresh load.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const box = canvasRef.current?.getBoundingClientRect();
        void setViewport(openingViewport(useAppStore.getState().scenario.nodes, box?.width ?? 0, box?.height ?? 0, fitOptions), { duration: 250 });
      }),
    );
  }, [fitRequest, presenter, fitOptions, setViewport]);

  const onNodesChange = useCallback(
    (changes: NodeChange<ScenarioFlowNode>[]) => {
      const dragging: Record<string, XY> = {};
      const settled: Record<string, XY> = {};
      const measured: Record<string, Size> = {};
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions) {
          measured[change.id] = change.dimensions;
        } else if (change.type === 'position' && change.position) {
          (change.dragging ? dragging : settled)[change.id] = change.position;
        } else if (change.type === 'select') {
          if (change.selected) select({ kind: 'node', id: change.id });
          else deselect('node', change.id);
        }
      }
      if (Object.keys(measured).length > 0) setSizes((d) => ({ ...d, ...measured }));
      if (Object.keys(dragging).length > 0) setDrafts((d) => ({ ...d, ...dragging }));
      if (Object.keys(settled).length > 0) {
        moveNodes(settled);
        setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([id]) => !(id in settled))));
      }
    },
    [moveNodes, select],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<ScenarioFlowEdge>[]) => {
      for (const change of changes) {
        if (change.type !== 'select') continue;
        if (change.selected) select({ kind: 'link', id: change.id });
        else deselect('link', change.id);
      }
    },
    [select],
  );

  const onDelete: OnDelete<ScenarioFlowNode, ScenarioFlowEdge> = useCallback(
    ({ nodes: gone, edges: cut }) =>
      removeElements(
        gone.map((n) => n.id),
        cut.map((e) => e.id),
      ),
    [removeElements],
  );

  const onConnect = useCallback(
    ({ source, target }: Connection) => {
      const result = connect(source, target);
      if (!result.ok) notify({ tone: 'warning', title: 'That link was not added.', details: [result.problem] });
    },
    [connect, notify],
  );

  const isValidConnection = useCallback(
    (c: Connection | ScenarioFlowEdge) => connectionProblem(useAppStore.getState().scenario, c.source, c.target) === null,
    [],
  );

  /** A drop that made no link: if it landed on a node, say why that node refused. */
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode) return;
      const target = state.toNode?.id ?? nodeIdAt(event);
      if (!target) return;
      const [from, to] = state.fromHandle?.type === 'target' ? [target, state.fromNode.id] : [state.fromNode.id, target];
      const problem = connectionProblem(useAppStore.getState().scenario, from, to);
      if (problem) notify({ tone: 'warning', title: 'That link was not added.', details: [problem] });
    },
    [notify],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(NODE_KIND_MIME);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // Centre the card under the pointer rather than hanging it from its corner.
      // Where the user let go, even over another card: moving it somewhere else (perhaps off screen) would lose it.
      addNode(kind, { x: at.x - 90, y: at.y - 35 }, 'exact');
    },
    [addNode, screenToFlowPosition],
  );

  return (
    <section className="canvas" aria-label="Canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <div className="canvas__band canvas__band--top">{legend}</div>
      <div ref={canvasRef} className="canvas__flow">
        {opening && (
        <ReactFlow<ScenarioFlowNode, ScenarioFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onDelete={onDelete}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          connectionLineComponent={ConnectionHintLine}
          onPaneClick={() => select(null)}
          deleteKeyCode={deleteKeys}
          multiSelectionKeyCode={null}
          selectionKeyCode={null}
          defaultViewport={opening}
          fitViewOptions={fitOptions}
          minZoom={0.2}
          maxZoom={2.5}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} size={1.2} color="#d5dbe3" />
          <MiniMap pannable zoomable position="bottom-right" nodeColor={minimapColor} ariaLabel="Minimap" style={MINIMAP_SIZE} />
          {overlay}
        </ReactFlow>
        )}
        {scenario.nodes.length === 0 && (
          <div className="canvas__empty">
            <p>
              <strong>Start by adding a Client.</strong>
            </p>
            <p>Drag components from the left onto the canvas, then drag from a node's right edge to another node to link them.</p>
          </div>
        )}
      </div>
      <div className="canvas__band canvas__band--bottom">
        <Controls showInteractive={false} position="bottom-left" orientation="horizontal" />
        <HealthLegend />
      </div>
    </section>
  );
}

/** Clears the selection only if it is still the element being deselected (a click elsewhere may have selected another). */
function deselect(kind: 'node' | 'link', id: string) {
  const { selection, select } = useAppStore.getState();
  if (selection?.kind === kind && selection.id === id) select(null);
}

function nodeIdAt(event: MouseEvent | TouchEvent): string | null {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return null;
  const element = document.elementFromPoint(point.clientX, point.clientY);
  return element?.closest<HTMLElement>('.react-flow__node')?.dataset.id ?? null;
}

function minimapColor(node: ScenarioFlowNode): string {
  return KIND_LOOK[node.data.node.kind].color;
}
