import { describePath } from './issue-messages';
import { ScenarioSchema } from './schema';

/*
 * Zod drops fields it does not know, so a typo such as "queueCapacty" or a
 * health check's "pasive" would silently fall back to the default. This walks
 * the data alongside the schema, at every depth, and names each such field
 * with the likely intent.
 */

/** The parts of zod's schema definitions the walk reads. */
interface SchemaDef {
  type: string;
  shape?: Record<string, Walkable>;
  innerType?: Walkable;
  element?: Walkable;
  options?: Walkable[];
  discriminator?: string;
  values?: readonly unknown[];
}
interface Walkable {
  _zod: { def: SchemaDef };
}

/** Wrappers that only add a default or allow null: the fields are those of the inner schema. */
const WRAPPERS = new Set(['default', 'prefault', 'nullable', 'optional', 'readonly', 'catch']);
const MAX_WARNINGS = 10;

/** Warnings for every field of `data` that the scenario format does not know (at most ten, then a count). */
export function findUnknownFields(data: unknown): string[] {
  const warnings: string[] = [];
  walk(ScenarioSchema as unknown as Walkable, data, [], (path, key, known) => {
    const guess = known.find((name) => editDistance(name.toLowerCase(), key.toLowerCase()) <= 2);
    warnings.push(`${describePath(path, data)}: unknown field "${key}" is ignored.${guess ? ` Did you mean "${guess}"?` : ''}`);
  });
  // A file from another tool may carry the same extra field on every node; a few lines say enough.
  if (warnings.length <= MAX_WARNINGS) return warnings;
  const more = warnings.length - MAX_WARNINGS;
  return [...warnings.slice(0, MAX_WARNINGS), `…and ${more} more unknown field${more === 1 ? '' : 's'}, all ignored.`];
}

type OnUnknown = (path: PropertyKey[], key: string, known: string[]) => void;

/** Walks with one mutable path (pushed and popped), since scenarios of 1000 nodes pass through here on every edit. */
function walk(schema: Walkable, value: unknown, path: PropertyKey[], onUnknown: OnUnknown): void {
  if (value === null || typeof value !== 'object') return;
  const def = unwrap(schema)._zod.def;
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      walk(def.element, value[index], path, onUnknown);
      path.pop();
    }
  } else if (def.type === 'union') {
    const option = matchingOption(def, value as Record<string, unknown>);
    if (option) walk(option, value, path, onUnknown);
  } else if (def.type === 'object' && def.shape && !Array.isArray(value)) {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const childSchema = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
      if (childSchema === undefined) {
        onUnknown([...path], key, Object.keys(def.shape));
        continue;
      }
      path.push(key);
      walk(childSchema, (value as Record<string, unknown>)[key], path, onUnknown);
      path.pop();
    }
  }
}

function unwrap(schema: Walkable): Walkable {
  let inner = schema;
  while (WRAPPERS.has(inner._zod.def.type) && inner._zod.def.innerType) inner = inner._zod.def.innerType;
  return inner;
}

/** The option of a discriminated union that the value's discriminator selects (a node's kind, a distribution's type). */
function matchingOption(def: SchemaDef, value: Record<string, unknown>): Walkable | undefined {
  const key = def.discriminator;
  if (!key) return undefined;
  return def.options?.find((option) => {
    const literal = unwrap(option)._zod.def.shape?.[key];
    return literal !== undefined && (unwrap(literal)._zod.def.values ?? []).includes(value[key]);
  });
}

/** Levenshtein distance, for "did you mean" hints on short field names. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      next.push(Math.min(substitute, row[j]! + 1, next[j - 1]! + 1));
    }
    row = next;
  }
  return row[b.length]!;
}
