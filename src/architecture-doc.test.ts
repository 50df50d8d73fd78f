import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * docs/architecture.md is the map a newcomer reads first; a file it names
 * that was moved or renamed sends them looking for nothing. Every path it
 * names in backticks with its folder (`worker/sim-service.ts`,
 * `engine/mesh/`) must exist, from the repository's root or from src/.
 * Bare names (`charts/`, `autoscaler.ts`) are read in their row's folder
 * and are not checked here.
 */

const root = join(import.meta.dirname, '..');
const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
const named = [...doc.matchAll(/`([\w.-]+(?:\/[\w.<>-]+)*\/(?:[\w.<>-]+\.(?:ts|tsx|json|md|mjs|svg))?)`/g)].map((m) => m[1]!);
// With a folder, and not a pattern such as `src/scenario/<kind>-schema.ts`.
const paths = [...new Set(named)].filter((path) => path.replace(/\/$/, '').includes('/') && !path.includes('<'));

describe('docs/architecture.md', () => {
  it('names some paths (the pattern still matches how it writes them)', () => {
    expect(paths.length).toBeGreaterThan(30);
  });

  it.each(paths)('%s exists', (path) => {
    const found = [path, `src/${path}`].some((candidate) => existsSync(join(root, candidate)));
    expect(found, `docs/architecture.md names ${path}, which is neither in the repository nor in src/`).toBe(true);
  });
});
