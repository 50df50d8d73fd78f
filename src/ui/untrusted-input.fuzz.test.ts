/**
 * Fuzzes the two doors untrusted scenarios come in by: a shared link (the URL
 * codec, through the page's start-up choice) and an imported file. 10,000+
 * cases in all: none may throw, return an invalid scenario, pollute a
 * prototype through `__proto__` or `constructor` keys, or give a message that
 * is not a string.
 */
import fc from 'fast-check';
import { strToU8, zlibSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { type ParseResult, parseScenario } from '../scenario/parse';
import { starterScenario } from '../scenario/starter';
import { codeFromHash, decodeScenario, encodeScenario } from '../scenario/url-codec';
import { readScenarioFile } from './file-io';
import { chooseStartScenario } from './startup';

const POISON_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const STARTER_JSON = JSON.stringify(starterScenario());
const STARTER_CODE = encodeScenario(starterScenario());

/** Base64url of bytes, as the codec writes it. */
function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A link code holding exactly this JSON text, well packed: only the parser stands between it and the page. */
const codeOf = (json: string) => `1.${base64Url(zlibSync(strToU8(json)))}`;

/** Sets `key` as an own, enumerable property, so JSON.stringify writes even `__proto__`. */
function withOwn(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

/** Any JSON value, with poison keys among the ordinary ones. */
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, -1, 1e308, -1e-308, '', 'NaN', 'Infinity'),
    fc.double(),
    fc.string({ maxLength: 12 }),
    fc.array(tie('value'), { maxLength: 4 }),
    tie('object'),
  ),
  object: fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...POISON_KEYS, 'nodes', 'links', 'version', 'kind', 'id'), fc.string({ maxLength: 6 })), tie('value')), {
      maxLength: 5,
    })
    .map((entries) => entries.reduce<Record<string, unknown>>((o, [k, v]) => withOwn(o, k, v), {})),
}));

/** The starter with one field somewhere replaced by junk, or a poison key added: near misses, the likeliest bad input. */
const nearMiss = fc
  .tuple(fc.nat(), fc.oneof(fc.constantFrom(...POISON_KEYS), fc.constantFrom('rate', 'workers', 'from', 'to', 'kind', 'id', 'latency', 'version', 'duration')), json.value)
  .map(([pick, key, value]) => {
    const scenario = JSON.parse(STARTER_JSON) as Record<string, unknown> & { nodes: Record<string, unknown>[]; links: Record<string, unknown>[] };
    const targets: Record<string, unknown>[] = [scenario, ...scenario.nodes, ...scenario.links, ...scenario.nodes.map((n) => (n.workload ?? n) as Record<string, unknown>)];
    withOwn(targets[pick % targets.length]!, key, value);
    return JSON.stringify(scenario);
  });

/** A valid code with characters flipped, dropped or cut: what chat apps and hand copies do to links. */
const tamperedCode = fc
  .tuple(fc.nat(), fc.nat(), fc.constantFrom('flip', 'drop', 'cut', 'dup'), fc.constantFrom(...'AZaz09-_.%= +/'))
  .map(([at, span, how, char]) => {
    const code = STARTER_CODE;
    const i = at % code.length;
    if (how === 'flip') return code.slice(0, i) + char + code.slice(i + 1);
    if (how === 'drop') return code.slice(0, i) + code.slice(i + 1 + (span % 8));
    if (how === 'dup') return code.slice(0, i) + code.slice(i, i + 1 + (span % 64)) + code.slice(i);
    return code.slice(0, i);
  });

const randomCode = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => `1.${base64Url(bytes)}`),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => `1.${base64Url(zlibSync(bytes))}`),
);

/** What every answer must satisfy, whatever came in. */
function expectSafe(result: ParseResult): void {
  if (result.ok) {
    // Whatever opens must be a scenario the parser accepts again as it is.
    expect(parseScenario(JSON.parse(JSON.stringify(result.scenario))).ok).toBe(true);
    expect(Object.getPrototypeOf(result.scenario)).toBe(Object.prototype);
    for (const node of result.scenario.nodes) expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
    for (const warning of result.warnings) expect(typeof warning).toBe('string');
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(typeof error).toBe('string');
      expect(error).toMatch(/\w/);
    }
  }
}

function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(Object.keys(Array.prototype)).toEqual([]);
}

afterEach(expectNoPollution);

describe('untrusted scenarios, fuzzed', () => {
  it('a link built from any JSON never throws, opens only valid scenarios, and pollutes nothing (3,000 cases)', () => {
    fc.assert(
      fc.property(fc.oneof(json.value.map((v) => JSON.stringify(v) ?? 'null'), nearMiss), (text) => {
        expectSafe(decodeScenario(codeOf(text)));
        expectNoPollution();
      }),
      { numRuns: 3000, seed: 15 },
    );
  });

  it('random and tampered codes never throw and always say why (4,000 cases)', () => {
    fc.assert(
      fc.property(fc.oneof(randomCode, tamperedCode), (code) => {
        expectSafe(decodeScenario(code));
      }),
      { numRuns: 4000, seed: 15 },
    );
  });

  it('the page start-up never loses the autosave to a bad link (1,000 cases)', () => {
    const mine = JSON.stringify({ ...starterScenario(), name: 'My work' });
    fc.assert(
      fc.property(fc.oneof(randomCode, tamperedCode), (code) => {
        const hash = `#s=${code}`;
        const choice = chooseStartScenario(hash, mine);
        // A hash with no code in it ("#s=" alone, or "&" tricks) is no link at all: the autosave opens quietly.
        if (choice.source !== 'link' && codeFromHash(hash) !== null) {
          expect(choice.scenario.name).toBe('My work');
          expect(choice.message?.tone).toBe('error');
        }
        for (const detail of choice.message?.details ?? []) expect(typeof detail).toBe('string');
      }),
      { numRuns: 1000, seed: 15 },
    );
  });

  it('an imported file of any text never throws, opens only valid scenarios, and pollutes nothing (3,000 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(json.value.map((v) => JSON.stringify(v) ?? 'null'), nearMiss, fc.string({ maxLength: 60 })), async (text) => {
        const result = await readScenarioFile({ name: 'fuzz.json', size: text.length, text: async () => text });
        expectSafe(result);
        expectNoPollution();
      }),
      { numRuns: 3000, seed: 15 },
    );
  });
});
