import { SCENARIO_VERSION } from './schema';

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * MIGRATIONS[v] turns a version-v scenario into version v+1. Add one entry
 * whenever SCENARIO_VERSION goes up, so old files and shared URLs keep opening.
 */
const MIGRATIONS: Record<number, Migration> = {
  // Version 2 records live edits as timed graph changes; a version-1 scenario has none.
  1: (old) => ({ ...old, changes: [] }),
  // Version 3 adds node kinds and fields (gateway, queues, call policies, parallel jobs, ...) that a
  // version-2 build cannot read; a version-2 file has none of them and reads unchanged. The bump
  // exists so an older build refuses a version-3 file with "Update Scale Playground" instead of a
  // puzzling field error. A balancer's missing `overhead` meant 0 and now means its preset's typical
  // figure, so a version-2 file with a preset gets its 0 written out.
  2: (old) => keepBalancerOverheads(old),
  // Version 4 adds elastic membership (autoscaling, registries, connection pools and poolers, the
  // service mesh). A version-3 file has none of them and reads unchanged; the bump makes an older
  // build refuse a version-4 file with "Update Scale Playground".
  3: (old) => old,
};

/**
 * Version 2 read a balancer's missing `overhead` as 0; version 3 reads it as
 * the preset's typical figure. Writes 0 into every balancer with a preset
 * (custom's figure is 0 anyway) that left it out, in the graph and in every
 * recorded change, so an old file runs as it did.
 */
export function keepBalancerOverheads(old: Record<string, unknown>): Record<string, unknown> {
  const fix = (nodes: unknown): unknown =>
    Array.isArray(nodes)
      ? nodes.map((node) => {
          if (typeof node !== 'object' || node === null) return node;
          const n = node as Record<string, unknown>;
          const preset = n.preset ?? 'custom';
          return n.kind === 'loadBalancer' && preset !== 'custom' && n.overhead === undefined ? { ...n, overhead: 0 } : node;
        })
      : nodes;
  const changes = Array.isArray(old.changes)
    ? old.changes.map((change) => (typeof change === 'object' && change !== null ? { ...change, nodes: fix((change as Record<string, unknown>).nodes) } : change))
    : old.changes;
  return { ...old, nodes: fix(old.nodes), ...(old.changes === undefined ? {} : { changes }) };
}

export type MigrationResult = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

/** Brings a scenario of any known version up to SCENARIO_VERSION. */
export function migrateScenario(raw: Record<string, unknown>): MigrationResult {
  const version = raw.version;
  if (version === undefined) {
    return { ok: false, error: `field "version": missing. Add "version": ${SCENARIO_VERSION} at the top of the file; this build reads ${knownVersions()}.` };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: `field "version": ${JSON.stringify(version)} is not a scenario version; this build reads ${knownVersions()}.` };
  }
  if (version > SCENARIO_VERSION) {
    return {
      ok: false,
      error: `field "version": this scenario is version ${version}, newer than this build understands (${SCENARIO_VERSION}). Update Scale Playground.`,
    };
  }
  let value = raw;
  for (let v = version; v < SCENARIO_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, error: `No migration from scenario version ${v}.` };
    value = { ...step(value), version: v + 1 };
  }
  return { ok: true, value };
}

function knownVersions(): string {
  return `versions 1 to ${SCENARIO_VERSION}`;
}
