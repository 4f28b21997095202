import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { AuditEntry } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { encodeCursor } from "../../db/list-query.js";
import { preparedWrite } from "../../db/prepared-queries.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { users } from "../auth/auth.schema.js";
import type { Caller } from "../auth/caller.js";
import { badRequest } from "../http/app-error.js";
import { auditLog } from "./audit.schema.js";

export type AuditAction = AuditEntry["action"];
type Snapshot = Record<string, unknown>;

// System columns say nothing a reader of the history needs; the entry itself records who and when.
const ignoredFields = new Set(["id", "workspaceId", "createdAt", "updatedAt", "createdBy", "searchText"]);

/** Field-level before/after of what changed; for a create every set field, for a delete nothing. */
export function diffSnapshots(before: Snapshot | null, after: Snapshot | null) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (ignoredFields.has(key)) continue;
    const previous = normalise(before?.[key]);
    const next = normalise(after?.[key]);
    if (JSON.stringify(previous) !== JSON.stringify(next)) changes[key] = { before: previous, after: next };
  }
  return changes;
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

/** Writes one audit entry in the caller's transaction, so the change and its record commit together. */
export async function recordAudit(
  tx: Transaction,
  caller: Caller,
  entry: { entityType: string; entityId: string; action: AuditAction; before: Snapshot | null; after: Snapshot | null },
) {
  await insertAuditEntry(tx, {
    workspaceId: caller.workspaceId,
    id: newId(),
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    actorUserId: caller.userId,
    actorApiKeyId: caller.apiKeyId,
    changes: diffSnapshots(entry.before, entry.after),
    createdAt: new Date(),
  });
}

// Every write records an entry: one statement text, prepared once per connection.
const insertAuditEntry = preparedWrite("insert_audit_entry", (db) =>
  db.insert(auditLog).values({
    workspaceId: sql.placeholder("workspaceId"),
    id: sql.placeholder("id"),
    entityType: sql.placeholder("entityType"),
    entityId: sql.placeholder("entityId"),
    action: sql.placeholder("action"),
    actorUserId: sql.placeholder("actorUserId"),
    actorApiKeyId: sql.placeholder("actorApiKeyId"),
    changes: sql.placeholder("changes"),
    createdAt: sql.placeholder("createdAt"),
  }),
);

/**
 * Many entries in one statement, for batch writes and imports; each is the same as one recordAudit.
 * Set-based (one jsonb parameter), because the query builder's multi-row values cost more than the
 * rows they audit at import sizes.
 */
export async function recordAuditEntries(
  tx: Transaction,
  caller: Pick<Caller, "workspaceId" | "userId" | "apiKeyId">,
  entries: { entityType: string; entityId: string; action: AuditAction; before: Snapshot | null; after: Snapshot | null }[],
) {
  if (entries.length === 0) return;
  const rows = entries.map((entry) => ({
    id: newId(),
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    action: entry.action,
    changes: diffSnapshots(entry.before, entry.after),
  }));
  await tx.execute(sql`
    insert into audit_log (workspace_id, id, entity_type, entity_id, action, actor_user_id, actor_api_key_id, changes, created_at)
    select ${caller.workspaceId}::uuid, r.id, r.entity_type, r.entity_id, r.action, ${caller.userId}::uuid, ${caller.apiKeyId}::uuid, r.changes, ${new Date().toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, entity_type text, entity_id uuid, action text, changes jsonb)`);
}

/**
 * One create entry per record, all with the same short `changes` (for an import: which import made
 * them), built in SQL from the ids: at import sizes, a full snapshot per record costs a third of the
 * write itself. The record's later updates still carry field-level before/after.
 */
export async function recordCreations(
  tx: Transaction,
  caller: Pick<Caller, "workspaceId" | "userId" | "apiKeyId">,
  entityType: string,
  entityIds: string[],
  changes: Record<string, { before: unknown; after: unknown }>,
) {
  if (entityIds.length === 0) return;
  const auditIds = entityIds.map(() => newId());
  await tx.execute(sql`
    insert into audit_log (workspace_id, id, entity_type, entity_id, action, actor_user_id, actor_api_key_id, changes, created_at)
    select ${caller.workspaceId}::uuid, r.id, ${entityType}, r.entity_id, 'create', ${caller.userId}::uuid, ${caller.apiKeyId}::uuid, ${JSON.stringify(changes)}::jsonb, ${new Date().toISOString()}::timestamptz
    from unnest(string_to_array(${auditIds.join(",")}, ',')::uuid[], string_to_array(${entityIds.join(",")}, ',')::uuid[]) as r(id, entity_id)`);
}

export function createAuditService({ db }: { db: Database }) {
  return {
    list(caller: Caller, query: { entityType: string; entityId: string; limit: number; cursor?: string }) {
      let position: { createdAt: string; id: string } | undefined;
      if (query.cursor) {
        try {
          const [createdAt, id] = JSON.parse(Buffer.from(query.cursor, "base64url").toString());
          if (!z.uuid().safeParse(id).success) throw new Error("cursor id is not a UUID");
          position = { createdAt: new Date(createdAt).toISOString(), id };
        } catch {
          throw badRequest("cursor is not valid for this list", [{ path: "cursor", message: "is not valid" }]);
        }
      }
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        const rows = await tx
          .select({ entry: auditLog, actorName: users.name })
          .from(auditLog)
          .leftJoin(users, eq(users.id, auditLog.actorUserId))
          .where(
            and(
              eq(auditLog.workspaceId, caller.workspaceId),
              eq(auditLog.entityType, query.entityType),
              eq(auditLog.entityId, query.entityId),
              position
                ? or(lt(auditLog.createdAt, sql`${position.createdAt}::timestamptz`), and(eq(auditLog.createdAt, sql`${position.createdAt}::timestamptz`), lt(auditLog.id, position.id)))
                : undefined,
            ),
          )
          .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
          .limit(query.limit + 1);
        const page = rows.slice(0, query.limit);
        const last = page[page.length - 1];
        return {
          data: page.map(({ entry, actorName }) => ({
            id: entry.id,
            entityType: entry.entityType,
            entityId: entry.entityId,
            action: entry.action,
            actor: { userId: entry.actorUserId, apiKeyId: entry.actorApiKeyId, name: actorName },
            changes: entry.changes,
            createdAt: entry.createdAt.toISOString(),
          })),
          nextCursor: rows.length > query.limit && last ? encodeCursor([last.entry.createdAt.toISOString(), last.entry.id]) : null,
        };
      });
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
