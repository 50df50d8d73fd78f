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
  // puzzling field error.
  2: (old) => old,
};

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
