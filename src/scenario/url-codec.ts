import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { type ParseResult, parseScenario } from './parse';
import type { Scenario } from './schema';

/**
 * Codec version, the text before the dot. It names how the bytes are packed
 * (deflate + base64url of JSON), not the scenario version, which travels
 * inside the JSON and is migrated by parseScenario.
 */
export const URL_CODEC_VERSION = '1';

/** The fragment key that carries a scenario: `#s=<code>`. */
export const SHARE_FRAGMENT_KEY = 's';

/** Inflated JSON larger than this is refused, so a tiny URL cannot expand into gigabytes. */
const MAX_INFLATED_BYTES = 8 * 1024 * 1024;

/** Packs a scenario into a URL-safe code: `1.<base64url(deflate(json))>`. */
export function encodeScenario(scenario: Scenario): string {
  const packed = deflateSync(strToU8(JSON.stringify(scenario)), { level: 9 });
  return `${URL_CODEC_VERSION}.${toBase64Url(packed)}`;
}

/** Unpacks a code made by encodeScenario. Never throws: a broken code gives readable errors. */
export function decodeScenario(code: string): ParseResult {
  const dot = code.indexOf('.');
  const version = dot < 0 ? '' : code.slice(0, dot);
  if (version !== URL_CODEC_VERSION) {
    return fail(`The link's format "${version || code.slice(0, 8)}" is not one this build reads (expected ${URL_CODEC_VERSION}).`);
  }
  const bytes = fromBase64Url(code.slice(dot + 1));
  if (!bytes) return fail('The link is damaged: it contains characters a shared scenario never has.');
  const json = inflateBounded(bytes);
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

function fail(message: string): ParseResult {
  return { ok: false, errors: [message] };
}

function inflateBounded(bytes: Uint8Array): string | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  try {
    const inflater = new Inflate((chunk, final) => {
      total += chunk.length;
      if (total > MAX_INFLATED_BYTES) throw new Error('too large');
      chunks.push(chunk);
      if (final) finished = true;
    });
    inflater.push(bytes, true);
  } catch {
    return null;
  }
  if (!finished) return null;
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  try {
    return strFromU8(all);
  } catch {
    return null;
  }
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
