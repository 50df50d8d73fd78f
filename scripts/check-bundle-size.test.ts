import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryScripts, measure, staticImports } from './check-bundle-size.mjs';

describe('check-bundle-size', () => {
  it('reads the entry script and preloads from index.html', () => {
    const html = '<script type="module" crossorigin src="/assets/index-a.js"></script><link rel="modulepreload" crossorigin href="/assets/vendor-b.js">';
    expect(entryScripts(html)).toEqual(['/assets/index-a.js', '/assets/vendor-b.js']);
  });

  it('follows static imports but not dynamic ones', () => {
    const code = 'import{a as b}from"./x.js";import"./side.js";export*from"./re.js";const w=()=>import("./lazy.js");';
    expect(staticImports(code).sort()).toEqual(['./re.js', './side.js', './x.js']);
  });

  it('counts only chunks reachable at load, not a lazily loaded worker', () => {
    const dist = mkdtempSync(join(tmpdir(), 'bundle-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<script type="module" src="/assets/index.js"></script>');
    writeFileSync(join(dist, 'assets/index.js'), 'import"./dep.js";new Worker(new URL("./worker.js",import.meta.url));');
    writeFileSync(join(dist, 'assets/dep.js'), 'export const x=1;');
    writeFileSync(join(dist, 'assets/worker.js'), 'x'.repeat(100_000));
    const files = [...measure(dist).keys()].map((f) => f.slice(dist.length + 1));
    expect(files).toEqual(['assets/index.js', 'assets/dep.js']);
  });
});
