import { and, desc, eq, or, sql, type SQL } from "drizzle-orm";
import type { AuditEntry } from "../../../../contracts/index.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { users } from "../auth/auth.schema.js";
import { auditLog } from "./audit.schema.js";

export type AuditEventKind = "change" | "lifecycle_stage";

/** Which entries of which records a timeline shows. */
export interface AuditStream {
  entityType: string;
  /** One id, or a subquery of ids. */
  entityIds: string | SQL;
  kinds: AuditEventKind[];
  /** An update that changed only these fields is left out: the timeline shows it another way (a deal's stage moves). */
  shownElsewhere?: string[];
}

export interface AuditEvent {
  kind: AuditEventKind;
  at: Date;
  entry: AuditEntry;
}

/** An update that moved a contact to another lifecycle stage. */
const isStageChange = sql`(${auditLog.action} = 'update' and (${auditLog.changes} -> 'lifecycleStage') is not null)`;

/**
 * Audit entries of some records, newest first, strictly before a position ([at, id]) when given:
 * what a record timeline shows beside the activities.
 */
export async function auditEventsFor(tx: Transaction, workspaceId: string, streams: AuditStream[], page: { limit: number; before?: { at: string; id: string } }): Promise<AuditEvent[]> {
  const matching = streams
    .filter((stream) => stream.kinds.length > 0)
    .map((stream) => {
      const ids = typeof stream.entityIds === "string" ? sql`${auditLog.entityId} = ${stream.entityIds}::uuid` : sql`${auditLog.entityId} in (${stream.entityIds})`;
      const kinds = stream.kinds.length === 2 ? undefined : stream.kinds[0] === "lifecycle_stage" ? isStageChange : sql`not ${isStageChange}`;
      const elsewhere = stream.shownElsewhere?.length
        ? sql`not (${auditLog.action} = 'update' and not exists (select 1 from jsonb_object_keys(${auditLog.changes}) as changed(field) where changed.field not in (${sql.join(stream.shownElsewhere.map((field) => sql`${field}`), sql`, `)})))`
        : undefined;
      return and(eq(auditLog.entityType, stream.entityType), ids, kinds, elsewhere)!;
    });
  if (matching.length === 0) return [];
  const rows = await tx
    .select({ entry: auditLog, actorName: users.name, isStageChange: sql<boolean>`${isStageChange}` })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.workspaceId, workspaceId),
        or(...matching),
        page.before ? sql`(${auditLog.createdAt}, ${auditLog.id}) < (${page.before.at}::timestamptz, ${page.before.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(page.limit);
  return rows.map(({ entry, actorName, isStageChange: isStage }) => ({
    kind: isStage ? "lifecycle_stage" : "change",
    at: entry.createdAt,
    entry: {
      id: entry.id,
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      actor: { userId: entry.actorUserId, apiKeyId: entry.actorApiKeyId, name: actorName },
      changes: entry.changes,
      createdAt: entry.createdAt.toISOString(),
    },
  }));
}
