import { createShortLivedCache } from "../cache/short-lived-cache.js";
import type { Caller } from "./caller.js";

/**
 * Resolved callers by token hash for a few seconds, so most requests skip the session or API-key
 * look-up. Logout, a workspace switch, a role change and a key revocation forget the entries in
 * this process at once; another instance keeps its entry until it expires, so this is the
 * longest a revoked key or session stays usable there (docs/decisions/0007-short-lived-caches.md).
 */
export const callerCacheSeconds = 5;

export interface ResolvedCaller {
  caller: Caller;
  /** When the session or key stops being valid anyway (a session's expiry). */
  validUntil?: Date;
}

export interface CallerCache {
  /** The cached caller of this token, or `lookUp`'s answer; an unknown token is never cached. */
  resolve(tokenHash: string, lookUp: () => Promise<ResolvedCaller | null>): Promise<Caller | null>;
  forgetToken(tokenHash: string): void;
  /** A member's sessions and the keys they created in one workspace (their role changed). */
  forgetMember(workspaceId: string, userId: string): void;
  forgetApiKey(apiKeyId: string): void;
}

export function createCallerCache({ ttlMs = callerCacheSeconds * 1000 }: { ttlMs?: number } = {}): CallerCache {
  const cache = createShortLivedCache<ResolvedCaller | null>({ ttlMs });
  return {
    resolve: async (tokenHash, lookUp) => (await cache.load(tokenHash, lookUp, (resolved) => (resolved ? resolved.validUntil : null)))?.caller ?? null,
    forgetToken: (tokenHash) => cache.forget(tokenHash),
    forgetMember: (workspaceId, userId) => cache.forgetWhere((resolved) => resolved?.caller.workspaceId === workspaceId && resolved.caller.userId === userId),
    forgetApiKey: (apiKeyId) => cache.forgetWhere((resolved) => resolved?.caller.apiKeyId === apiKeyId),
  };
}
