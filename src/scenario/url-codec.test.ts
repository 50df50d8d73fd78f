import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';
import type { Distribution, Scenario, ScenarioInput } from './schema';
import { starterScenario } from './starter';
import * as fflateSync from 'fflate';
import { adler32, codeFromHash, decodeScenario, encodeScenario, MAX_CODE_CHARS, shareUrl, withoutDefaults } from './url-codec';
import { SHARE_DICTIONARY_V2 } from './url-dictionary';

/** Bytes as a share code's text. */
function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const seconds = fc.double({ min: 1e-6, max: 1e4, noNaN: true, noDefaultInfinity: true });
// "+ 0" turns -0 into 0: JSON writes -0 as 0, so -0 could never round-trip.
const coordinate = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0);

const distribution: fc.Arbitrary<Distribution> = fc.oneof(
  seconds.map((mean) => ({ type: 'exponential' as const, mean })),
  seconds.map((value) => ({ type: 'constant' as const, value })),
  fc.tuple(seconds, seconds).map(([a, b]) => ({ type: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
  fc.tuple(seconds, seconds).map(([mean, cv]) => ({ type: 'lognormal' as const, mean, cv })),
);

const nodeBody = fc.oneof(
  fc.record({
    kind: fc.constant('client' as const),
    workload: fc.oneof(
      seconds.map((rate) => ({ mode: 'open' as const, rate })),
      fc.record({ mode: fc.constant('closed' as const), users: fc.integer({ min: 1, max: 1000 }), thinkTime: distribution }),
    ),
    timeout: fc.option(seconds, { nil: null }),
    writeRatio: fc.double({ min: 0, max: 1, noNaN: true }).map((v) => v + 0),
  }),
  fc.constant({ kind: 'loadBalancer' as const }),
  fc.record({
    kind: fc.constant('server' as const),
    workers: fc.integer({ min: 1, max: 4096 }),
    queueCapacity: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    serviceTime: distribution,
  }),
  fc.record({
    kind: fc.constant('database' as const),
    workers: fc.integer({ min: 1, max: 64 }),
    readTime: distribution,
    writeTime: distribution,
  }),
);

/** Valid scenarios: unique ids, links only between existing nodes, never into a client or onto itself. */
const scenarioInput: fc.Arbitrary<ScenarioInput> = fc
  .record({
    name: fc.string({ maxLength: 120 }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    duration: fc.double({ min: 1, max: 3600, noNaN: true }),
    label: fc.option(fc.string({ maxLength: 80 }), { nil: undefined }),
    bodies: fc.array(fc.tuple(nodeBody, coordinate, coordinate), { minLength: 1, maxLength: 12 }),
    pairs: fc.array(fc.tuple(fc.nat(), fc.nat(), seconds), { maxLength: 20 }),
  })
  .map(({ name, seed, duration, label, bodies, pairs }) => {
    const nodes = bodies.map(([body, x, y], i) => ({ ...body, id: `n${i}`, label, position: { x, y } }));
    const links = pairs
      .map(([a, b, latency], i) => ({ id: `l${i}`, from: nodes[a % nodes.length]!, to: nodes[b % nodes.length]!, latency }))
      .filter((l) => l.from !== l.to && l.to.kind !== 'client')
      .map((l) => ({ id: l.id, from: l.from.id, to: l.to.id, latency: l.latency }));
    return { version: 4 as const, name, seed, duration, warmup: duration / 2, nodes, links };
  });

function parsed(input: ScenarioInput): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.scenario;
}

describe('url codec', () => {
  it('round-trips the starter scenario exactly', () => {
    const scenario = starterScenario();
    expect(decodeScenario(encodeScenario(scenario))).toEqual({ ok: true, scenario, warnings: [] });
  });

  it('round-trips every valid scenario exactly', () => {
    fc.assert(
      fc.property(scenarioInput, (input) => {
        const scenario = parsed(input);
        const decoded = decodeScenario(encodeScenario(scenario));
        expect(decoded.ok && decoded.scenario).toEqual(scenario);
      }),
      { numRuns: 200 },
    );
  });

  it('produces only URL-fragment-safe characters behind a version prefix', () => {
    fc.assert(
      fc.property(scenarioInput, (input) => {
        expect(encodeScenario(parsed(input))).toMatch(/^2\.[A-Za-z0-9_-]+$/);
      }),
      { numRuns: 50 },
    );
  });

  it('never throws on arbitrary text, and refuses it with a message', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = decodeScenario(text);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors[0]).toMatch(/\w/);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on a tampered code', () => {
    const code = encodeScenario(starterScenario());
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.%';
    fc.assert(
      fc.property(fc.nat({ max: code.length - 1 }), fc.nat({ max: alphabet.length - 1 }), fc.nat({ max: code.length }), (at, c, cut) => {
        const tampered = (code.slice(0, at) + alphabet[c] + code.slice(at + 1)).slice(0, Math.max(cut, 1));
        expect(() => decodeScenario(tampered)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('names the problem when the code is cut short', () => {
    const code = encodeScenario(starterScenario());
    const result = decodeScenario(code.slice(0, code.length / 2));
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/damaged|cut short/)] });
  });

  it('detects an edit that still unpacks, by the checksum', async () => {
    const { strToU8, zlibSync } = await import('fflate');
    const json = JSON.stringify(starterScenario());
    const packed = zlibSync(strToU8(json));
    const forged = zlibSync(strToU8(json.replace('"rate":40', '"rate":90')));
    // Keep the original checksum on the forged body: what a careless edit of the data looks like.
    forged.set(packed.subarray(-4), forged.length - 4);
    let binary = '';
    for (const byte of forged) binary += String.fromCharCode(byte);
    const code = `1.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    expect(decodeScenario(code)).toEqual({ ok: false, errors: [expect.stringMatching(/damaged/)] });
  });

  it('still opens links of codec version 1 (plain zlib, no dictionary)', async () => {
    const { strToU8, zlibSync } = await import('fflate');
    const code = `1.${base64Url(zlibSync(strToU8(JSON.stringify(starterScenario())), { level: 9 }))}`;
    expect(decodeScenario(code)).toEqual({ ok: true, scenario: starterScenario(), warnings: [] });
  });

  it('refuses a version-2 code packed against another dictionary', async () => {
    const { strToU8, zlibSync } = await import('fflate');
    const code = `2.${base64Url(zlibSync(strToU8(JSON.stringify(starterScenario())), { dictionary: strToU8('{"nodes":[') }))}`;
    expect(decodeScenario(code)).toEqual({ ok: false, errors: [expect.stringMatching(/damaged/)] });
  });

  it('keeps the version-2 dictionary byte for byte: shared links inflate against it', () => {
    const { strToU8 } = fflateSync;
    expect(SHARE_DICTIONARY_V2).toHaveLength(1748);
    expect(adler32(strToU8(SHARE_DICTIONARY_V2)).toString(16)).toBe('80e52638');
  });

  it('refuses an unknown codec version', () => {
    const code = encodeScenario(starterScenario());
    expect(decodeScenario(`9${code.slice(1)}`)).toEqual({ ok: false, errors: [expect.stringMatching(/format "9"/)] });
  });

  it('refuses a code that inflates beyond the size limit', async () => {
    const { zlibSync } = await import('fflate');
    const bomb = zlibSync(new Uint8Array(9 * 1024 * 1024).fill(32));
    let binary = '';
    for (const byte of bomb) binary += String.fromCharCode(byte);
    const code = `1.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    expect(decodeScenario(code)).toEqual({ ok: false, errors: [expect.stringMatching(/too large: .* more than 8 MB/)] });
  });

  it('refuses a 20 MB link as too large, naming the limit, not as damaged', () => {
    const code = `1.${'A'.repeat(20 * 1024 * 1024)}`;
    const result = decodeScenario(code);
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/too large: its scenario is 20 MB .* at most 1 MB/)] });
    expect(result.ok || result.errors[0]).not.toMatch(/damaged|cut short/);
  });

  it('refuses a link just over the limit, cut where Chromium cuts addresses', () => {
    const code = encodeScenario(starterScenario());
    const long = `${code}${'A'.repeat(MAX_CODE_CHARS)}`.slice(0, 2 * 1024 * 1024);
    expect(decodeScenario(long)).toEqual({ ok: false, errors: [expect.stringMatching(/too large/)] });
  });

  it('leaves out fields that equal their default, and keeps the rest', () => {
    const compact = withoutDefaults(starterScenario()) as { nodes: Record<string, unknown>[]; links: Record<string, unknown>[] };
    const balancer = compact.nodes[1];
    expect(balancer).toEqual({ id: 'lb-1', kind: 'loadBalancer', label: 'Load balancer', position: { x: 260, y: 140 } });
    expect(compact.links[0]).toEqual({ id: 'link-1', from: 'client-1', to: 'lb-1', latency: 0.01 });
    expect(compact).not.toHaveProperty('hopLimit');
    expect(compact).toHaveProperty('warmup', 5);
  });

  it('finds the code in a hash among other parameters', () => {
    expect(codeFromHash('#s=1.abc')).toBe('1.abc');
    expect(codeFromHash('#x=1&s=1.a-b_c')).toBe('1.a-b_c');
    expect(codeFromHash('')).toBeNull();
    expect(codeFromHash('#s=')).toBeNull();
  });

  it('builds a share URL whose hash decodes to the scenario', () => {
    const scenario = starterScenario();
    const url = new URL(shareUrl(scenario, 'http://127.0.0.1:4173/'));
    const result = decodeScenario(codeFromHash(url.hash) ?? '');
    expect(result.ok && result.scenario).toEqual(scenario);
  });
});
