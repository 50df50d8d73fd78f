import { deflateSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { Playground } from './pages/playground';

/** A seeded generator (mulberry32): the same bad links on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const base64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
/** A well-packed code around any JSON text: only the validation can refuse it. */
const pack = (json: string) => `1.${base64Url(deflateSync(Buffer.from(json)))}`;

/** Scenario JSON edited so it can never be valid: each names a field or node the message should blame. */
const BREAKS: ((s: Record<string, unknown> & { nodes: Record<string, unknown>[]; links: Record<string, unknown>[] }) => unknown)[] = [
  (s) => ({ ...s, nodes: 'none' }),
  (s) => ({ ...s, version: 99 }),
  (s) => ({ ...s, duration: -5 }),
  (s) => ({ ...s, nodes: s.nodes.map((n) => ({ ...n, kind: 'mainframe' })) }),
  (s) => ({ ...s, links: [...s.links, { id: 'ghost', from: 'nowhere', to: 'server-1', latency: 0.01 }] }),
  (s) => ({ ...s, nodes: s.nodes.map((n) => (n.kind === 'client' ? { ...n, workload: { mode: 'open', rate: -1 } } : n)) }),
  (s) => ({ ...s, nodes: s.nodes.map((n) => (n.kind === 'server' ? { ...n, workers: 0 } : n)) }),
  () => JSON.parse(`{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"version":1,"nodes":{},"links":[]}`),
  (s) => ({ ...s, nodes: [...s.nodes, s.nodes[0]] }),
  () => [1, 2, 3],
  () => 'a scenario',
  () => null,
];

/** A few hundred bad links of every kind a user meets: cut, edited, foreign, forged, invalid inside, too large. */
function badLinks(valid: string, scenarioJson: string, count: number): string[] {
  const next = random(15);
  const pick = (n: number) => Math.floor(next() * n);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const links: string[] = [];
  for (let i = 0; i < count; i++) {
    const at = 2 + pick(valid.length - 2);
    switch (i % 7) {
      case 0:
        links.push(valid.slice(0, 2 + pick(valid.length - 3)));
        break;
      case 1:
        links.push(valid.slice(0, at) + alphabet[(alphabet.indexOf(valid[at]!) + 1 + pick(60)) % 64] + valid.slice(at + 1));
        break;
      case 2:
        // A codec version this build does not have (1 and 2 are real ones).
        links.push(`${pick(10) + 3}${valid.slice(1)}`);
        break;
      case 3:
        links.push(`1.${Array.from({ length: 1 + pick(300) }, () => alphabet[pick(64)]).join('')}`);
        break;
      case 4:
        links.push(pack(JSON.stringify(BREAKS[pick(BREAKS.length)]!(JSON.parse(scenarioJson)))));
        break;
      case 5:
        links.push(pack(scenarioJson.slice(0, pick(scenarioJson.length))));
        break;
      default:
        links.push(`${valid.slice(0, at)}%${pick(100)}!*${valid.slice(at)}`);
    }
  }
  // Too large: past the 1 MB a link may hold.
  links.push(`1.${'A'.repeat(1_200_000)}`);
  return links;
}

/** Pastes each link into the open page and checks, in the page, what a user would see; returns the failures. */
async function pasteAll(page: Page, links: string[], keptName: string): Promise<string[]> {
  return page.evaluate(
    async ({ links, keptName }) => {
      const failures: string[] = [];
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      for (const code of links) {
        for (const close of document.querySelectorAll<HTMLButtonElement>('.toast__close')) close.click();
        await frame();
        location.hash = `s=${code}`;
        let alert: Element | null = null;
        for (let i = 0; i < 200 && !alert; i++) {
          await frame();
          alert = document.querySelector('.toast--error');
        }
        const name = (document.querySelector('input[aria-label="Scenario name"]') as HTMLInputElement | null)?.value;
        const nodes = document.querySelectorAll('.react-flow__node').length;
        const text = alert?.textContent ?? '';
        if (!/shared link is broken.*your work is unchanged/.test(text) || name !== keptName || nodes === 0) {
          failures.push(`${code.slice(0, 40)}… → alert "${text.slice(0, 80)}", name "${name}", ${nodes} nodes`);
        }
      }
      return failures;
    },
    { links, keptName },
  );
}

test.describe('bad shared links', () => {
  test('a few hundred bad links never blank the page, always say why, and keep the autosaved work', async ({ page }) => {
    const app = new Playground(page);
    await app.openFresh();
    await page.getByLabel('Scenario name').fill('My own work');
    await app.waitForAutosave('My own work');
    const url = await app.share();
    const valid = url.slice(url.indexOf('#s=') + 3);
    const links = badLinks(valid, await app.exportScenario(), 300);

    // Opened fresh, as from a chat message: a sample through the start-up path.
    for (const code of links.filter((_, i) => i % 30 === 0)) {
      // From elsewhere, so the page loads anew rather than hearing a hash change.
      await page.goto('about:blank');
      await app.open(`/#s=${code}`);
      const alert = page.getByRole('alert').filter({ hasText: 'This shared link is broken' });
      await expect(alert).toContainText('Your last autosaved work is open instead.');
      if (code.length > 1_000_000) await expect(alert).toContainText('The link is too large: its scenario is 1.1 MB and a shared link holds at most 1 MB.');
      await expect(page.getByLabel('Scenario name')).toHaveValue('My own work');
    }
    // Pasted into the open page: every one.
    expect(await pasteAll(page, links, 'My own work')).toEqual([]);
    await page.reload();
    await expect(page.getByLabel('Scenario name')).toHaveValue('My own work');
  });
});
