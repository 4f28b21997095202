import type { CustomFieldRule } from "../../../../contracts/index.js";
import { createShortLivedCache } from "../../platform/cache/short-lived-cache.js";

/**
 * Nearly every list and write reads a workspace's field definitions and admins rarely change
 * them, so they are kept a few seconds; a change through this process applies at once, other
 * instances see it within the time to live (docs/decisions/0007-short-lived-caches.md).
 * Whoever reads the rules must not modify them.
 */
export const customFieldRulesCache = createShortLivedCache<CustomFieldRule[]>({ ttlMs: 5_000 });

/** After a definition changed: the workspace's next request reads them afresh. */
export function forgetCustomFieldRules(workspaceId: string) {
  customFieldRulesCache.forgetWhere((_rules, key) => key.startsWith(`${workspaceId}:`));
}
