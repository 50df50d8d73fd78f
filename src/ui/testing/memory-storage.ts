/**
 * A Storage stand-in over a Map for tests of what the page keeps in the browser's storage. Past `quota`
 * characters in all (keys and values), a write throws as a full browser storage does and leaves the item as it
 * was; `quota` can be changed mid-test to fill the storage up.
 */
export function memoryStorage(quota = Number.POSITIVE_INFINITY): Storage & { items: Map<string, string>; quota: number } {
  const items = new Map<string, string>();
  const used = () => [...items].reduce((sum, [k, v]) => sum + k.length + v.length, 0);
  return {
    items,
    quota,
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (key) => items.get(key) ?? null,
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    setItem(key, value) {
      const before = items.get(key);
      items.set(key, String(value));
      if (used() > this.quota) {
        if (before === undefined) items.delete(key);
        else items.set(key, before);
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
    },
  };
}
