#!/usr/bin/env node
// Budget check: the JavaScript a first visit must download before the page works.
// Starts from dist/index.html's module entry and modulepreload links, follows
// static imports, gzips each chunk, and fails above the limit. Lazy chunks
// (the simulation worker, dynamic imports) are not part of the first load.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The limit stated in the README. */
export const LIMIT_KB = 250;

/** Relative paths of the initial chunks named by an index.html. */
export function entryScripts(html) {
  const paths = [];
  for (const match of html.matchAll(/<script\b[^>]*type="module"[^>]*src="([^"]+)"/g)) paths.push(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) paths.push(match[1]);
  return paths;
}

/** Static `import ... from "./x.js"` and `import "./x.js"` targets in minified code; `import(` is dynamic and skipped. */
export function staticImports(code) {
  const found = [];
  for (const match of code.matchAll(/\bimport\s*(?:[\w$*{},\s]+?\s*from\s*)?["']([^"']+\.js)["']/g)) found.push(match[1]);
  for (const match of code.matchAll(/\bexport\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+\.js)["']/g)) found.push(match[1]);
  return found;
}

/** Gzipped sizes of every chunk loaded up front. */
export function measure(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const queue = entryScripts(html).map((p) => resolve(distDir, p.replace(/^\//, '')));
  const seen = new Map();
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file) || !file.endsWith('.js')) continue;
    const code = readFileSync(file);
    seen.set(file, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
    for (const next of staticImports(code.toString('utf8'))) queue.push(resolve(dirname(file), next));
  }
  return seen;
}

function main() {
  const dist = resolve(process.argv[2] ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`check-bundle-size: ${dist}/index.html not found. Run npm run build first.`);
    process.exit(1);
  }
  const chunks = measure(dist);
  let total = 0;
  for (const [file, size] of chunks) {
    total += size.gzip;
    console.log(`  ${file.slice(dist.length + 1).padEnd(40)} ${(size.raw / 1024).toFixed(1).padStart(8)} KB raw ${(size.gzip / 1024).toFixed(1).padStart(8)} KB gzip`);
  }
  const kb = total / 1024;
  const verdict = kb <= LIMIT_KB ? 'within' : 'OVER';
  console.log(`Initial JavaScript: ${kb.toFixed(1)} KB gzipped (${chunks.size} chunk${chunks.size === 1 ? '' : 's'}), ${verdict} the ${LIMIT_KB} KB budget.`);
  if (kb > LIMIT_KB) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
