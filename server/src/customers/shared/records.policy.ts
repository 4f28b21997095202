import { can } from "../../../../contracts/index.js";
import type { Caller } from "../../platform/auth/caller.js";
import { forbidden } from "../../platform/http/app-error.js";

/**
 * Who may change a customer record (docs/permissions.md): managers and up change any record;
 * members change records they own or that nobody owns, and may assign them only to themselves.
 */
export function assertCanModify(caller: Caller, record: { ownerId: string | null }, what: string) {
  if (can(caller.role, "records:write_any")) return;
  if (record.ownerId !== null && record.ownerId !== caller.userId) {
    throw forbidden(`Your role (${caller.role}) can change only ${what} you own; this one belongs to someone else.`);
  }
}

export function assertCanAssignOwner(caller: Caller, ownerId: string | null | undefined) {
  if (ownerId === undefined || ownerId === null || ownerId === caller.userId) return;
  if (!can(caller.role, "records:write_any")) throw forbidden(`Your role (${caller.role}) can assign records only to yourself.`);
}
