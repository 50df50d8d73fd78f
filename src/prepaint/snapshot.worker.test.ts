import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { SnapshotReply, SnapshotRequest } from './snapshot-protocol';

/** The worker's global scope, as far as the worker uses it. */
const scope = { onmessage: null as ((event: { data: SnapshotRequest }) => void) | null, postMessage: (reply: SnapshotReply) => void replies.push(reply) };
const replies: SnapshotReply[] = [];

beforeAll(async () => {
  vi.stubGlobal('self', scope);
  await import('./snapshot.worker');
});

function ask(request: SnapshotRequest): SnapshotReply {
  replies.length = 0;
  scope.onmessage?.({ data: request });
  const reply = replies[0];
  if (!reply) throw new Error('the worker did not answer');
  return reply;
}

const cardNames = (html: string) => [...html.matchAll(/class="node-card__label"[^>]*>([^<]*)</g)].map((m) => m[1]);

describe('the snapshot worker', () => {
  it("renders the page for an autosaved text, with that scenario's cards", () => {
    const text = readFileSync('scenarios/web-tier.json', 'utf8');
    const labels = (JSON.parse(text) as { nodes: { label: string }[] }).nodes.map((n) => n.label);
    const reply = ask({ id: 7, scenario: text, presenter: false });
    expect(reply.id).toBe(7);
    expect(cardNames(reply.page?.html ?? '')).toEqual(labels);
  });

  it('renders one scenario after another, each its own (the worker keeps no earlier state)', () => {
    const first = ask({ id: 1, scenario: readFileSync('scenarios/mm1.json', 'utf8'), presenter: false });
    const second = ask({ id: 2, scenario: readFileSync('scenarios/cdn-offload.json', 'utf8'), presenter: true });
    expect(cardNames(first.page?.html ?? '')).not.toEqual(cardNames(second.page?.html ?? ''));
    expect(second.page?.html).toContain('app--presenter');
  });

  it('answers with no page for a text the app would not open (it opens the starter then)', () => {
    expect(ask({ id: 3, scenario: '{"not":"a scenario"}', presenter: false }).page).toBeNull();
    expect(ask({ id: 4, scenario: 'not json', presenter: false }).page).toBeNull();
  });
});
