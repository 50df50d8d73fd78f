import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figuresIn, isSetting, settingsOf, testStates } from './testing/write-up-figures';
import { WRITE_UP_CHECKS } from './write-up-checks';

/*
 * Every example's write-up is held to its run (engine/write-up-checks.ts says
 * by which test). This file checks that the table is complete and that each
 * figure a write-up states is stated by that test too; the tests it names do
 * the running and asserting.
 */

const root = join(import.meta.dirname, '../..');
const files = readdirSync(join(root, 'scenarios')).filter((name) => name.endsWith('.json'));
const docs = readFileSync(join(root, 'docs/scenario-format.md'), 'utf8');

/** The example's row in the docs' table of examples (its system, theory and run columns). */
function docsRow(name: string): string {
  return docs.split('\n').find((line) => line.startsWith(`| \`${name}\` |`)) ?? '';
}

describe('the write-up of every example is held by a test', () => {
  it('has an entry for every example, and none for a file that is gone', () => {
    expect(files.filter((name) => !(name in WRITE_UP_CHECKS))).toEqual([]);
    expect(Object.keys(WRITE_UP_CHECKS).filter((name) => !files.includes(name))).toEqual([]);
  });

  it.each(files)('%s: its test exists and runs it', (name) => {
    const check = WRITE_UP_CHECKS[name];
    if (!check) throw new Error(`${name} has no entry in src/engine/write-up-checks.ts`);
    const path = join(root, 'src', check.test);
    expect(existsSync(path), `${check.test} does not exist`).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain(name);
  });

  it.each(files)('%s: every figure its write-up and docs row state (other than its settings) is stated by its test', (name) => {
    const check = WRITE_UP_CHECKS[name];
    if (!check) throw new Error(`${name} has no entry in src/engine/write-up-checks.ts`);
    const raw = JSON.parse(readFileSync(join(root, 'scenarios', name), 'utf8'));
    const settings = settingsOf(raw);
    const source = readFileSync(join(root, 'src', check.test), 'utf8');
    const excused = check.notAsserted ?? {};
    const missing = [...figuresIn(raw.description ?? ''), ...figuresIn(docsRow(name))]
      .filter((figure) => !isSetting(figure, settings) && !(figure.text in excused) && !testStates(source, figure))
      .map((figure) => figure.text);
    // Assert each in the test (or excuse it in write-up-checks.ts, saying why), or correct the write-up.
    expect([...new Set(missing)]).toEqual([]);
  });

  it('excuses only figures the write-up states', () => {
    for (const [name, check] of Object.entries(WRITE_UP_CHECKS)) {
      const raw = JSON.parse(readFileSync(join(root, 'scenarios', name), 'utf8'));
      const stated = new Set([...figuresIn(raw.description ?? ''), ...figuresIn(docsRow(name))].map((f) => f.text));
      for (const figure of Object.keys(check.notAsserted ?? {})) expect(stated.has(figure), `${name}: ${figure}`).toBe(true);
    }
  });
});
