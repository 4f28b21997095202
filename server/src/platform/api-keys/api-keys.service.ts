import { and, desc, eq, isNull } from "drizzle-orm";
import type { ApiKey, CreateApiKeyInput } from "../../../../contracts/index.js";
import { roleRank } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace } from "../../db/workspace-transaction.js";
import type { CallerCache } from "../auth/caller-cache.js";
import type { Caller } from "../auth/caller.js";
import { hashToken, newToken } from "../auth/secrets.js";
import { forbidden, notFound } from "../http/app-error.js";
import { iso, isoOrNull } from "../http/iso.js";
import { apiKeys } from "./api-keys.schema.js";

function toApiKey(row: typeof apiKeys.$inferSelect): ApiKey {
  return { id: row.id, name: row.name, role: row.role, prefix: row.prefix, createdAt: iso(row.createdAt), lastUsedAt: isoOrNull(row.lastUsedAt), createdBy: row.createdBy };
}

export function createApiKeysService({ db, callers }: { db: Database; callers: CallerCache }) {
  return {
    list: (caller: Caller) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const rows = await tx.select().from(apiKeys).where(and(eq(apiKeys.workspaceId, caller.workspaceId), isNull(apiKeys.revokedAt))).orderBy(desc(apiKeys.createdAt));
        return rows.map(toApiKey);
      }),

    /** The token is returned once; only its hash is kept. A key never carries more than its creator's role. */
    create(caller: Caller, input: CreateApiKeyInput) {
      if (roleRank[input.role] > roleRank[caller.role]) throw forbidden(`Your role (${caller.role}) cannot create a key with the role ${input.role}.`);
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        const token = newToken("pk_");
        const now = new Date();
        const [row] = await tx
          .insert(apiKeys)
          .values({ workspaceId: caller.workspaceId, id: newId(), name: input.name, role: input.role, prefix: token.slice(0, 10), tokenHash: hashToken(token), createdAt: now, updatedAt: now, createdBy: caller.userId })
          .returning();
        return { ...toApiKey(row), token };
      });
    },

    revoke: (caller: Caller, id: string) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const rows = await tx
          .update(apiKeys)
          .set({ revokedAt: new Date() })
          .where(and(eq(apiKeys.workspaceId, caller.workspaceId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
          .returning({ id: apiKeys.id });
        if (rows.length === 0) throw notFound("API key");
      }).finally(() => callers.forgetApiKey(id)),
  };
}

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
