import type { Database } from "../../db/client.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { conflict, notFound } from "../../platform/http/app-error.js";
import { assertCanModify } from "./records.policy.js";

interface StoredRecord {
  ownerId: string | null;
  deletedAt: Date | null;
}

/**
 * The soft-delete lifecycle every customer record shares: load (a record in the trash is
 * 404 unless asked for), move to the trash, restore, and delete for ever from the trash,
 * each audited in the same transaction.
 */
export function createRecordTrash<Row, Stored extends StoredRecord>(options: {
  db: Database;
  entityType: string;
  label: string;
  /** The plural used in messages, e.g. "contacts". */
  plural: string;
  find: (tx: Transaction, workspaceId: string, id: string) => Promise<Row | undefined>;
  storedOf: (row: Row) => Stored;
  setDeletedAt: (tx: Transaction, workspaceId: string, id: string, deletedAt: Date | null) => Promise<void>;
  destroy: (tx: Transaction, workspaceId: string, id: string) => Promise<void>;
  snapshot: (stored: Stored) => Record<string, unknown>;
}) {
  const { db, entityType, label } = options;

  async function load(tx: Transaction, caller: Caller, id: string, wanted: { isDeleted?: boolean } = {}): Promise<Row> {
    const row = await options.find(tx, caller.workspaceId, id);
    if (!row) throw notFound(label);
    const isDeleted = options.storedOf(row).deletedAt !== null;
    if (wanted.isDeleted === undefined ? isDeleted : isDeleted !== wanted.isDeleted) {
      if (isDeleted) throw notFound(label);
      throw conflict(`${label} is not in the trash; delete it first.`);
    }
    return row;
  }

  return {
    load,

    moveToTrash: (caller: Caller, id: string) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        assertCanModify(caller, options.storedOf(await load(tx, caller, id)), options.plural);
        const now = new Date();
        await options.setDeletedAt(tx, caller.workspaceId, id, now);
        await recordAudit(tx, caller, { entityType, entityId: id, action: "delete", before: { deletedAt: null }, after: { deletedAt: now } });
      }),

    restore: (caller: Caller, id: string) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const before = options.storedOf(await load(tx, caller, id, { isDeleted: true }));
        assertCanModify(caller, before, options.plural);
        await options.setDeletedAt(tx, caller.workspaceId, id, null);
        await recordAudit(tx, caller, { entityType, entityId: id, action: "restore", before: { deletedAt: before.deletedAt }, after: { deletedAt: null } });
        return (await options.find(tx, caller.workspaceId, id))!;
      }),

    /** Hard delete, only from the trash; the audit entry keeps who removed it and its last values. */
    purge: (caller: Caller, id: string) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const before = options.storedOf(await load(tx, caller, id, { isDeleted: true }));
        await options.destroy(tx, caller.workspaceId, id);
        await recordAudit(tx, caller, { entityType, entityId: id, action: "hard_delete", before: options.snapshot(before), after: null });
      }),
  };
}
