/**
 * A per-process cache whose entries live a few seconds, for data read on nearly every request
 * and changed rarely (who a token belongs to, a workspace's field definitions). A change made
 * in this process forgets the entries it affects at once; other instances of the server see it
 * when their entry expires, so the time to live bounds the staleness
 * (docs/decisions/0007-short-lived-caches.md).
 */
export interface ShortLivedCache<V> {
  /**
   * The cached value, or the loader's. `validUntil` may shorten an entry's life (a session that
   * expires sooner) or return null to keep nothing. A value loaded while something was
   * forgotten is answered but not kept, since it may predate the change.
   */
  load(key: string, loader: () => Promise<V>, validUntil?: (value: V) => Date | null | undefined): Promise<V>;
  forget(key: string): void;
  forgetWhere(isAffected: (value: V, key: string) => boolean): void;
}

/** Bounded so a flood of distinct keys cannot grow the map; past it the oldest entries go first. */
const defaultMaxEntries = 10_000;

export function createShortLivedCache<V>({ ttlMs, maxEntries = defaultMaxEntries }: { ttlMs: number; maxEntries?: number }): ShortLivedCache<V> {
  const entries = new Map<string, { value: V; expiresAt: number }>();
  let forgetCount = 0;

  return {
    async load(key, loader, validUntil) {
      const entry = entries.get(key);
      if (entry && entry.expiresAt > Date.now()) return entry.value;
      const forgetCountBefore = forgetCount;
      const value = await loader();
      const until = validUntil ? validUntil(value) : undefined;
      if (ttlMs > 0 && until !== null && forgetCount === forgetCountBefore) {
        entries.delete(key);
        entries.set(key, { value, expiresAt: Math.min(Date.now() + ttlMs, until?.getTime() ?? Infinity) });
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      }
      return value;
    },

    forget(key) {
      forgetCount++;
      entries.delete(key);
    },

    forgetWhere(isAffected) {
      forgetCount++;
      for (const [key, entry] of entries) if (isAffected(entry.value, key)) entries.delete(key);
    },
  };
}
