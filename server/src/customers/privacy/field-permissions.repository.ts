import { and, asc, eq } from "drizzle-orm";
import type { FieldPermissionObject } from "../../../../contracts/index.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { fieldPermissions } from "./privacy.schema.js";

export type FieldPermissionRow = typeof fieldPermissions.$inferSelect;

export async function listFieldPermissions(tx: Transaction, workspaceId: string): Promise<FieldPermissionRow[]> {
  return tx.select().from(fieldPermissions).where(eq(fieldPermissions.workspaceId, workspaceId)).orderBy(asc(fieldPermissions.object), asc(fieldPermissions.field));
}

export async function findFieldPermission(tx: Transaction, workspaceId: string, object: FieldPermissionObject, field: string) {
  const [row] = await tx
    .select()
    .from(fieldPermissions)
    .where(and(eq(fieldPermissions.workspaceId, workspaceId), eq(fieldPermissions.object, object), eq(fieldPermissions.field, field)));
  return row;
}

export async function insertFieldPermission(tx: Transaction, values: typeof fieldPermissions.$inferInsert) {
  await tx.insert(fieldPermissions).values(values);
}

export async function updateHiddenRoles(tx: Transaction, workspaceId: string, id: string, hiddenFromRoles: string[]) {
  await tx
    .update(fieldPermissions)
    .set({ hiddenFromRoles, updatedAt: new Date() })
    .where(and(eq(fieldPermissions.workspaceId, workspaceId), eq(fieldPermissions.id, id)));
}
