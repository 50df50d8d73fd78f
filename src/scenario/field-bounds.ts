/**
 * The bounds the scenario format puts on one numeric field of a node, read
 * from the node kind's own schema, so what a form suggests (a sweep's range)
 * stays inside what validation will accept without restating every limit.
 */
import type { z } from 'zod';
import { NodeSchema, type ScenarioNode } from './schema';

/** What the schema allows at one numeric field: min and max (±Infinity when open), whether they are excluded, whole numbers only. */
export interface FieldBounds {
  min: number;
  max: number;
  minExclusive: boolean;
  maxExclusive: boolean;
  integer: boolean;
}

/** The few parts of a zod 4 schema definition the walk reads (wrappers, objects, unions, pipes). */
interface SchemaDef {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  options?: Schema[];
  checks?: { _zod: { def: { check: string; value?: unknown; inclusive?: boolean } } }[];
}
interface Schema {
  _zod: { def: SchemaDef };
  safeParse(value: unknown): { success: boolean };
}

/** Wrappers that change what a value may be (absent, null, defaulted) but not the bounds of the number inside. */
const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'nonoptional', 'readonly', 'catch']);

/** The schema under its wrappers; a pipe (a transform) is read on its input side, where the bounds are. */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const def = current._zod.def;
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** The member of a union that `value` belongs to (the one that accepts it, else the first object with `key`). */
function branch(options: readonly Schema[], value: unknown, key: string | undefined): Schema | undefined {
  const accepting = options.find((o) => o.safeParse(value).success);
  if (accepting) return unwrap(accepting);
  return options.map(unwrap).find((o) => (key === undefined ? o._zod.def.type === 'number' : o._zod.def.shape?.[key] !== undefined));
}

/** The bounds a number schema states. */
function numberBounds(schema: Schema): FieldBounds {
  const number = schema as unknown as z.ZodNumber;
  const checks = schema._zod.def.checks ?? [];
  const excluded = (check: string, value: number) =>
    Number.isFinite(value) && checks.some((c) => c._zod.def.check === check && c._zod.def.value === value && c._zod.def.inclusive === false);
  const min = number.minValue ?? Number.NEGATIVE_INFINITY;
  const max = number.maxValue ?? Number.POSITIVE_INFINITY;
  return { min, max, minExclusive: excluded('greater_than', min), maxExclusive: excluded('less_than', max), integer: number.isInt === true };
}

/**
 * The bounds of the number at `path` (`nodes.<id>.workload.rate`, as numericFieldPaths lists them) in `node`,
 * or null when the path leads to no number of its kind's schema.
 */
export function nodeFieldBounds(node: ScenarioNode, path: string): FieldBounds | null {
  const prefix = `nodes.${node.id}.`;
  if (!path.startsWith(prefix)) return null;
  const keys = path.slice(prefix.length).split('.');
  let schema: Schema | undefined = NodeSchema.options.find((o) => o.shape.kind.value === node.kind) as unknown as Schema | undefined;
  let value: unknown = node;
  for (const key of keys) {
    if (!schema) return null;
    schema = unwrap(schema);
    if (schema._zod.def.type === 'union') schema = branch(schema._zod.def.options ?? [], value, key);
    schema = schema?._zod.def.shape?.[key];
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  if (!schema) return null;
  schema = unwrap(schema);
  if (schema._zod.def.type === 'union') schema = branch(schema._zod.def.options ?? [], value, undefined);
  return schema?._zod.def.type === 'number' ? numberBounds(schema) : null;
}
