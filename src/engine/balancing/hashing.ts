/** 32-bit hashes for balancing: deterministic, well mixed, no dependencies. */

/** Mixes a 32-bit integer (murmur3's finalizer). */
export function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a over a string's UTF-16 code units, then mixed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/** The hash of a client address: the key IP hash and consistent hashing place. */
export function hashAddress(address: number): number {
  return mix32(Math.imul(address + 1, 0x9e3779b9));
}
