import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Transaction } from "../../db/workspace-transaction.js";
import { companies } from "../companies/companies.schema.js";
import { contacts } from "../contacts/contacts.schema.js";
import { attachments } from "./attachments.schema.js";

export type AttachmentRow = typeof attachments.$inferSelect;
export interface AttachmentTargetIds {
  contactId?: string;
  companyId?: string;
  activityId?: string;
}

export async function insertAttachment(tx: Transaction, values: typeof attachments.$inferInsert) {
  await tx.insert(attachments).values(values);
}

export async function findAttachment(tx: Transaction, workspaceId: string, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await tx.select().from(attachments).where(and(eq(attachments.workspaceId, workspaceId), eq(attachments.id, id)));
  return row;
}

/** A record's files, oldest first (ids are UUIDv7, so by upload time). */
export async function listAttachments(tx: Transaction, workspaceId: string, target: AttachmentTargetIds): Promise<AttachmentRow[]> {
  const byTarget = target.contactId
    ? eq(attachments.contactId, target.contactId)
    : target.companyId
      ? eq(attachments.companyId, target.companyId)
      : eq(attachments.activityId, target.activityId!);
  return tx.select().from(attachments).where(and(eq(attachments.workspaceId, workspaceId), byTarget)).orderBy(asc(attachments.id));
}

export async function deleteAttachments(tx: Transaction, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return;
  await tx.delete(attachments).where(and(eq(attachments.workspaceId, workspaceId), inArray(attachments.id, ids)));
}

/** True when the contact exists in the workspace and is not in the trash. */
export async function isLiveContact(tx: Transaction, workspaceId: string, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id), isNull(contacts.deletedAt)));
  return row !== undefined;
}

export async function isLiveCompany(tx: Transaction, workspaceId: string, id: string): Promise<boolean> {
  const [row] = await tx.select({ id: companies.id }).from(companies).where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, id), isNull(companies.deletedAt)));
  return row !== undefined;
}
