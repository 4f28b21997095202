import { and, eq, inArray } from "drizzle-orm";
import type { Transaction } from "../../db/workspace-transaction.js";
import { auditLog } from "../../platform/audit/audit.schema.js";
import type { ContactDataSource } from "../privacy/index.js";
import * as repository from "./attachments.repository.js";
import { toAttachment } from "./attachments.service.js";
import type { AttachmentStorage } from "./attachments.storage.js";

/**
 * A contact's files in its data export (their list; the bytes are downloaded one by one) and in
 * its erasure: the files are deleted, and their names leave the audit log.
 */
export function attachmentsDataSource(storage: AttachmentStorage): ContactDataSource {
  return {
    name: "attachments",

    async exportFor(tx: Transaction, workspaceId: string, contactId: string) {
      return (await repository.listAttachments(tx, workspaceId, { contactId })).map(toAttachment);
    },

    async erase(tx, caller, personal) {
      const rows = await repository.listAttachments(tx, caller.workspaceId, { contactId: personal.contactId });
      if (rows.length === 0) return;
      const ids = rows.map((row) => row.id);
      await repository.deleteAttachments(tx, caller.workspaceId, ids);
      // A file name ("ada-lovelace-passport.jpg") is personal data too; its history goes with the file.
      await tx
        .update(auditLog)
        .set({ changes: {} })
        .where(and(eq(auditLog.workspaceId, caller.workspaceId), eq(auditLog.entityType, "attachment"), inArray(auditLog.entityId, ids)));
      return async () => {
        for (const row of rows) await storage.delete(row.storageKey);
      };
    },
  };
}
