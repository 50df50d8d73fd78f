import { Inflate, strFromU8, strToU8, zlibSync } from 'fflate';
import { type ParseResult, parseScenario } from './parse';
import type { ZodType } from 'zod';
import { LinkSchema, NodeSchema, type Scenario, ScenarioSchema } from './schema';
import { SHARE_DICTIONARY_V2 } from './url-dictionary';

/**
 * Codec version, the text before the dot. It names how the bytes are packed
 * (zlib + base64url of JSON), not the scenario version, which travels
 * inside the JSON and is migrated by parseScenario. Version 1 is plain zlib;
 * version 2 (written since) deflates against a preset dictionary
 * (url-dictionary.ts). Both are read.
 */
export const URL_CODEC_VERSION = '2';

/** Each codec version read, and the preset dictionary its zlib stream names (null: none). */
const DICTIONARIES: Record<string, Uint8Array | null> = { '1': null, '2': strToU8(SHARE_DICTIONARY_V2) };

/** The fragment key that carries a scenario: `#s=<code>`. */
export const SHARE_FRAGMENT_KEY = 's';

/** Inflated JSON larger than this is refused, so a tiny URL cannot expand into gigabytes. */
const MAX_INFLATED_BYTES = 8 * 1024 * 1024;

/**
 * Longest scenario code read, in characters. Real links are a few kilobytes;
 * Chromium cuts addresses at 2 MB, so a longer code arrives cut short and
 * would otherwise read as damaged rather than as too large.
 */
export const MAX_CODE_CHARS = 1024 * 1024;

/**
 * Packs a scenario into a URL-safe code: `1.<base64url(zlib(json))>`. Zlib
 * rather than raw deflate for its Adler-32 trailer: an edited character that
 * still inflates to valid JSON is caught instead of opening a changed scenario.
 */
export function encodeScenario(scenario: Scenario): string {
  const dictionary = DICTIONARIES[URL_CODEC_VERSION] ?? undefined;
  const packed = zlibSync(strToU8(JSON.stringify(withoutDefaults(scenario))), { level: 9, dictionary });
  return `${URL_CODEC_VERSION}.${toBase64Url(packed)}`;
}

/** Unpacks a code made by encodeScenario. Never throws: a broken code gives readable errors. */
export function decodeScenario(code: string): ParseResult {
  if (code.length > MAX_CODE_CHARS) {
    return fail(
      `The link is too large: its scenario is ${megabytes(code.length)} MB and a shared link holds at most ${megabytes(MAX_CODE_CHARS)} MB. Share the scenario as a file instead (Export).`,
    );
  }
  const dot = code.indexOf('.');
  const version = dot < 0 ? '' : code.slice(0, dot);
  const dictionary = Object.hasOwn(DICTIONARIES, version) ? DICTIONARIES[version] : undefined;
  if (dictionary === undefined) {
    return fail(`The link's format "${version || code.slice(0, 8)}" is not one this build reads (expected ${URL_CODEC_VERSION}).`);
  }
  const bytes = fromBase64Url(code.slice(dot + 1));
  if (!bytes) return fail('The link is damaged: it contains characters a shared scenario never has.');
  const json = unzlibChecked(bytes, dictionary);
  if (json === 'too large') {
    return fail(`The link is too large: its scenario unpacks to more than ${megabytes(MAX_INFLATED_BYTES)} MB, the most a shared link may hold.`);
  }
  if (json === null) return fail('The link is damaged or cut short: its scenario data cannot be unpacked.');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail('The link is damaged: its scenario data is not readable.');
  }
  return parseScenario(data);
}

/** Reads the scenario code from a location hash like `#s=1.abc`; null when there is none. */
export function codeFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get(SHARE_FRAGMENT_KEY);
  return code === null || code === '' ? null : code;
}

/** The full share URL for a scenario on the page at `origin + pathname`. */
export function shareUrl(scenario: Scenario, originAndPath: string): string {
  return `${originAndPath}#${SHARE_FRAGMENT_KEY}=${encodeScenario(scenario)}`;
}

/**
 * The scenario without fields that equal their schema default: parseScenario
 * puts them back on decode, and a link half the length survives more chat
 * apps and address bars.
 */
export function withoutDefaults(scenario: Scenario): Record<string, unknown> {
  const shapes = new Map<string, Record<string, ZodType>>();
  for (const option of NodeSchema.options) shapes.set(String(option.shape.kind.value), option.shape as Record<string, ZodType>);
  return {
    ...dropDefaults(scenario, ScenarioSchema.shape as Record<string, ZodType>),
    nodes: scenario.nodes.map((node) => dropDefaults(node, shapes.get(node.kind) ?? {})),
    links: scenario.links.map((link) => dropDefaults(link, LinkSchema.shape as Record<string, ZodType>)),
  };
}

function dropDefaults(value: object, shape: Record<string, ZodType>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const schema = shape[key];
    const fallback = schema?.safeParse(undefined);
    // Only a field with a default parses from undefined; optional fields parse to undefined and stay.
    if (fallback?.success && fallback.data !== undefined && sameJson(fallback.data, field)) continue;
    kept[key] = field;
  }
  return kept;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function fail(message: string): ParseResult {
  return { ok: false, errors: [message] };
}

/** "1", "20.5": megabytes of 2^20 bytes, one decimal when needed. */
function megabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
}

/**
 * Inflates zlib data, refusing a bad header, a dictionary other than
 * `dictionary` (the header names it by its Adler-32) or a wrong checksum
 * (null), or an oversized result ('too large').
 */
function unzlibChecked(bytes: Uint8Array, dictionary: Uint8Array | null): string | 'too large' | null {
  const [cmf = 0, flg = 0] = bytes;
  const headerOk = (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0 && (flg & 0x20) === (dictionary ? 0x20 : 0);
  const start = dictionary ? 6 : 2;
  if (!headerOk || bytes.length < start + 5) return null;
  if (dictionary && readUint32(bytes, 2) !== adler32(dictionary)) return null;
  const body = inflateBounded(bytes.subarray(start, -4), dictionary);
  if (body === null || body === 'too large') return body;
  if (adler32(body) !== readUint32(bytes, bytes.length - 4)) return null;
  try {
    return strFromU8(body);
  } catch {
    return null;
  }
}

/** The big-endian 32-bit number at `offset` (zlib's byte order). */
function readUint32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0;
}

/** Zlib's checksum of `data`. */
export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 is the largest run that cannot overflow before the modulo (zlib's NMAX).
  for (let i = 0; i < data.length; i += 5552) {
    const end = Math.min(i + 5552, data.length);
    for (let j = i; j < end; j++) {
      a += data[j]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function inflateBounded(bytes: Uint8Array, dictionary: Uint8Array | null): Uint8Array | 'too large' | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  try {
    const inflater = new Inflate({ dictionary: dictionary ?? undefined }, (chunk, final) => {
      total += chunk.length;
      if (total > MAX_INFLATED_BYTES) throw new Error('too large');
      chunks.push(chunk);
      if (final) finished = true;
    });
    inflater.push(bytes, true);
  } catch {
    return total > MAX_INFLATED_BYTES ? 'too large' : null;
  }
  if (!finished) return null;
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Chunked because String.fromCharCode(...bytes) overflows the stack on large arrays.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
