import type { FieldPermission, FieldPermissionList, FieldPermissionObject } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { createShortLivedCache } from "../../platform/cache/short-lived-cache.js";
import * as repository from "./field-permissions.repository.js";

/** Removes the fields a role may not read; the API omits them rather than sending null, so "hidden" is not "empty". */
export function omitFields<T extends object>(record: T, hidden: ReadonlySet<string>): T {
  if (hidden.size === 0) return record;
  const visible = { ...record } as Record<string, unknown>;
  for (const field of hidden) delete visible[field];
  return visible as T;
}

export function createFieldPermissionsService({ db }: { db: Database }) {
  // Read on every contact and company request of a non-owner: kept a few seconds per workspace;
  // a change through this process applies at once (docs/decisions/0007-short-lived-caches.md).
  const settings = createShortLivedCache<repository.FieldPermissionRow[]>({ ttlMs: 5_000 });

  function hiddenIn(rows: repository.FieldPermissionRow[], caller: Caller, object: FieldPermissionObject): Set<string> {
    return new Set(rows.filter((row) => row.object === object && row.hiddenFromRoles.includes(caller.role)).map((row) => row.field));
  }

  /** Owners read everything. */
  async function hiddenFor(tx: Transaction, caller: Caller, object: FieldPermissionObject): Promise<Set<string>> {
    if (caller.role === "owner") return new Set();
    return hiddenIn(await settings.load(caller.workspaceId, () => repository.listFieldPermissions(tx, caller.workspaceId)), caller, object);
  }

  return {
    hiddenFor,

    hiddenForCaller: async (caller: Caller, object: FieldPermissionObject) => {
      if (caller.role === "owner") return new Set<string>();
      const rows = await settings.load(caller.workspaceId, () => inWorkspace(db, caller.workspaceId, (tx) => repository.listFieldPermissions(tx, caller.workspaceId)));
      return hiddenIn(rows, caller, object);
    },

    list: (caller: Caller): Promise<FieldPermissionList> =>
      inWorkspace(db, caller.workspaceId, async (tx) => ({
        data: (await repository.listFieldPermissions(tx, caller.workspaceId)).map((row) => ({
          object: row.object,
          field: row.field,
          hiddenFromRoles: row.hiddenFromRoles as FieldPermission["hiddenFromRoles"],
        })),
      })),

    /** Sets who may not read one field (an empty list shows it to everyone again); audited. */
    set: (caller: Caller, input: FieldPermission): Promise<FieldPermission> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const existing = await repository.findFieldPermission(tx, caller.workspaceId, input.object, input.field);
        const roles = [...input.hiddenFromRoles].sort();
        const now = new Date();
        const id = existing?.id ?? newId();
        if (existing) {
          await repository.updateHiddenRoles(tx, caller.workspaceId, id, roles);
        } else {
          await repository.insertFieldPermission(tx, { workspaceId: caller.workspaceId, id, object: input.object, field: input.field, hiddenFromRoles: roles, createdAt: now, updatedAt: now, createdBy: caller.userId });
        }
        await recordAudit(tx, caller, {
          entityType: "field_permission",
          entityId: id,
          action: existing ? "update" : "create",
          before: existing ? { object: existing.object, field: existing.field, hiddenFromRoles: existing.hiddenFromRoles } : null,
          after: { object: input.object, field: input.field, hiddenFromRoles: roles },
        });
        return { object: input.object, field: input.field, hiddenFromRoles: roles as FieldPermission["hiddenFromRoles"] };
      }).finally(() => settings.forget(caller.workspaceId)),
  };
}

export type FieldPermissionsService = ReturnType<typeof createFieldPermissionsService>;
