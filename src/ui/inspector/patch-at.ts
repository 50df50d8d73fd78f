/** `list` with the item at `index` changed by `patch` (the others as they were): how the inspector's list editors edit a row. */
export function patchAt<T>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...patch } : item));
}
