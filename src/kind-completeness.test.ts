// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { KIND_TRAITS, NODE_KINDS } from './scenario/kinds';
import { createNode } from './scenario/node-factory';
import { NodeSchema } from './scenario/schema';
import { fieldsFor } from './ui/inspector/kind-fields';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/*
 * What the compiler cannot see when a node kind is added: the per-layer
 * tables keyed by NodeKind (scenario/kinds.ts, engine/components/registry.ts,
 * canvas/node-kinds.tsx, ui/inspector/kind-fields.ts,
 * ui/panels/SelectedNodeViews.tsx, cli/format-node-details.ts,
 * engine/testing/arbitrary-systems.ts) already fail the type-check without
 * an entry. This test names the rest: the docs, an example, the e2e page
 * object, and inspector fields that render (an entry could be a stub).
 */

const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const examples = readdirSync(join(root, 'scenarios'))
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({ file, nodes: (JSON.parse(read(`scenarios/${file}`)) as { nodes: { kind: string }[] }).nodes }));

// NODE_KINDS is read from the traits table; checked against the schema so
// that a run of the tests alone (no type-check) still names scenario/kinds.ts.
it('lists every kind of NodeSchema in KIND_TRAITS (scenario/kinds.ts)', () => {
  const missing = NodeSchema.options.map((option) => option.shape.kind.value).filter((kind) => !NODE_KINDS.includes(kind));
  expect(missing, 'add these kinds to KIND_TRAITS in src/scenario/kinds.ts').toEqual([]);
});

describe.each(NODE_KINDS)('node kind %s', (kind) => {
  const { title } = KIND_TRAITS[kind];

  it('has a section in docs/scenario-format.md', () => {
    expect(read('docs/scenario-format.md'), `add "### \`${kind}\`: …" under "## Nodes"`).toMatch(new RegExp(`^### \`${kind}\`:`, 'm'));
  });

  it('appears in at least one example in scenarios/', () => {
    const using = examples.filter((example) => example.nodes.some((node) => node.kind === kind));
    expect(using.length, `no file in scenarios/ has a ${kind}`).toBeGreaterThan(0);
  });

  it('has inspector fields a user can edit', () => {
    const host = document.createElement('div');
    const root = createRoot(host);
    const node = createNode(kind, `${kind}-1`, `${title} 1`, { x: 0, y: 0 });
    act(() => root.render(createElement(fieldsFor(node), { node, commit: () => null, targets: [] })));
    expect(host.querySelectorAll('input, select, textarea').length).toBeGreaterThan(0);
    act(() => root.unmount());
  });

  it('is named in the e2e page object', () => {
    expect(read('e2e/pages/playground.ts'), `add '${title}' to KindTitle in e2e/pages/playground.ts`).toContain(`'${title}'`);
  });
});
