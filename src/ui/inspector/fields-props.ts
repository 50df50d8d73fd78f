import type { NodeOf } from '../../scenario/kinds';
import type { NodeKind, ScenarioNode } from '../../scenario/schema';
import type { NodePatch } from '../../store/scenario-slice';

/** Applies a patch to the inspected node (`field` names it in messages and coalesces undo steps); answers why it was refused, or null. */
export type Commit = (patch: NodePatch, field: string) => string | null;

/** What the inspector hands the fields of a node of kind `K`. */
export interface FieldsProps<K extends NodeKind> {
  node: NodeOf<K>;
  commit: Commit;
  /** The nodes it links to (a balancer's targets). */
  targets: readonly ScenarioNode[];
}
