import type { DragEvent } from 'react';
import { KIND_TRAITS, NODE_KINDS } from '../scenario/kinds';
import type { NodeKind } from '../scenario/schema';
import { useAppStore } from '../store';
import { KindIcon, kindStyle } from './node-kinds';
import { useCanvasCentre } from './use-canvas-centre';

/** The drag payload type; only this app's palette sets it. */
export const NODE_KIND_MIME = 'application/x-scale-playground-kind';

/** Components a user can place: every kind the engine simulates, nothing else. Drag, or press Enter/Space to add at the centre. */
export function Palette() {
  const addNode = useAppStore((s) => s.addNode);
  const centre = useCanvasCentre();

  const onDragStart = (event: DragEvent, kind: NodeKind) => {
    event.dataTransfer.setData(NODE_KIND_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="palette" aria-label="Components">
      <h2 className="panel-title">Components</h2>
      <p className="palette__hint">Drag onto the canvas, or press Enter to add at the centre.</p>
      <ul>
        {NODE_KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className="palette__item"
              draggable
              onDragStart={(event) => onDragStart(event, kind)}
              onClick={() => addNode(kind, centre())}
              aria-label={`Add ${KIND_TRAITS[kind].title}`}
              title={KIND_TRAITS[kind].hint}
            >
              <span className="palette__icon" style={kindStyle(kind)}>
                <KindIcon kind={kind} size={22} />
              </span>
              <span className="palette__text">
                <span className="palette__title">{KIND_TRAITS[kind].title}</span>
                <span className="palette__sub">{KIND_TRAITS[kind].hint}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p className="palette__keys">
        <kbd>Delete</kbd> removes the selection · <kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes · <kbd>Ctrl</kbd>+<kbd>D</kbd> duplicates a node
      </p>
    </nav>
  );
}
