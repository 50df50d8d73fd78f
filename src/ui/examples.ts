import { type ParseResult, parseScenarioJson } from '../scenario/parse';

/**
 * Names only, bundled up front (the JSON plugin tree-shakes the other
 * fields); each scenario's text loads as its own small chunk when picked.
 */
const names = import.meta.glob<string>('../../scenarios/*.json', { import: 'name', eager: true });
const texts = import.meta.glob<string>('../../scenarios/*.json', { query: '?raw', import: 'default' });

export interface ExampleEntry {
  /** The file, e.g. "web-tier". */
  id: string;
  name: string;
}

/** The example scenarios in `scenarios/`, teaching examples first and benchmarks last, by name. */
export const EXAMPLES: readonly ExampleEntry[] = Object.entries(names)
  .map(([path, name]) => ({ id: path.replace(/^.*\/|\.json$/g, ''), name: String(name) }))
  .sort((a, b) => Number(a.id.startsWith('bench')) - Number(b.id.startsWith('bench')) || byName(a.name, b.name));

/**
 * Alphabetical, ignoring case: the names are plain English, so this is the order localeCompare gives
 * (examples.test.ts checks), without its collator, whose set-up costs a first visit ~8 ms before the first paint.
 */
function byName(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Loads and validates one example; never throws. */
export async function loadExample(id: string): Promise<ParseResult> {
  const load = texts[`../../scenarios/${id}.json`];
  if (!load) return { ok: false, errors: [`There is no example called "${id}".`] };
  try {
    return parseScenarioJson(await load());
  } catch (error) {
    return { ok: false, errors: [`The example "${id}" could not be loaded: ${(error as Error).message}`] };
  }
}
