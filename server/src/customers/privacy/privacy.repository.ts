import { and, asc, eq, ilike, ne, or, sql } from "drizzle-orm";
import type { AuditEntry } from "../../../../contracts/index.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { users } from "../../platform/auth/auth.schema.js";
import { auditLog } from "../../platform/audit/audit.schema.js";
import { contacts } from "../contacts/contacts.schema.js";

type Changes = Record<string, { before: unknown; after: unknown }>;

/** A contact's whole history, oldest first, for its data export. */
export async function auditEntriesOf(tx: Transaction, workspaceId: string, contactId: string): Promise<AuditEntry[]> {
  const rows = await tx
    .select({ entry: auditLog, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.entityType, "contact"), eq(auditLog.entityId, contactId)))
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id));
  return rows.map(({ entry, actorName }) => ({
    id: entry.id,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    actor: { userId: entry.actorUserId, apiKeyId: entry.actorApiKeyId, name: actorName },
    changes: entry.changes,
    createdAt: entry.createdAt.toISOString(),
  }));
}

/** The contact's own audit entries plus any other entry whose values mention one of the patterns. */
export async function auditEntriesToScrub(tx: Transaction, workspaceId: string, contactId: string, patterns: string[]) {
  const own = and(eq(auditLog.entityType, "contact"), eq(auditLog.entityId, contactId));
  const mentions = patterns.map((pattern) => ilike(sql`${auditLog.changes}::text`, pattern));
  return tx
    .select({ id: auditLog.id, entityType: auditLog.entityType, entityId: auditLog.entityId, changes: auditLog.changes })
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, workspaceId), or(own, ...mentions)));
}

export async function replaceAuditChanges(tx: Transaction, workspaceId: string, id: string, changes: Changes) {
  await tx.update(auditLog).set({ changes }).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.id, id)));
}

/** Other contacts whose notes mention one of the patterns. */
export async function contactNotesMentioning(tx: Transaction, workspaceId: string, contactId: string, patterns: string[]) {
  if (patterns.length === 0) return [];
  return tx
    .select({ id: contacts.id, notes: contacts.notes })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), ne(contacts.id, contactId), or(...patterns.map((pattern) => ilike(contacts.notes, pattern)))));
}

export async function replaceContactNotes(tx: Transaction, workspaceId: string, id: string, notes: string) {
  await tx.update(contacts).set({ notes }).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
}
