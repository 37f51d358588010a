/** Keeps `in (...)` lists well under every dialect's limit on bound parameters. */
export const IN_LIST_CHUNK = 500;

export function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += IN_LIST_CHUNK) out.push(values.slice(i, i + IN_LIST_CHUNK));
  return out;
}

/** Groups values by a key, keeping their order. */
export function groupBy<T, K>(values: readonly T[], key: (v: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const v of values) {
    const k = key(v);
    const list = map.get(k);
    if (list === undefined) map.set(k, [v]);
    else list.push(v);
  }
  return map;
}
