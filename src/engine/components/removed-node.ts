import type { Component, SimContext } from '../component';
import { EventKind } from '../component';
import { Outcome } from '../types';

/**
 * Stands in for a node a live edit removed: requests that reach it from
 * then on fail with "removed"; every other event (a service that was under
 * way, a response walking back through it) still goes to the node it wraps,
 * so what was already out settles as it would have.
 */
export function removedNode(inner: Component, ctx: SimContext): Component {
  return {
    index: inner.index,
    id: inner.id,
    kind: inner.kind,
    label: inner.label,
    observesResponses: inner.observesResponses,
    start: () => undefined,
    handle(kind, arg, time) {
      if (kind === EventKind.arrive) ctx.respond(arg, Outcome.removed, time);
      else inner.handle(kind, arg, time);
    },
    beginMeasurement: (time) => inner.beginMeasurement(time),
    closeWindow: (start, time) => inner.closeWindow(start, time),
    report: (time) => inner.report(time),
    live: () => inner.live(),
  };
}
