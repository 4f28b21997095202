import type { Contact } from "../../../../contracts/index.js";
import { newId } from "../../db/ids.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { notFound } from "../../platform/http/app-error.js";
import { assertLiveCompany, findCompany, insertCompany } from "../companies/companies.repository.js";
import { findContact, updateContact, type StoredContact } from "../contacts/contacts.repository.js";
import type { contacts } from "../contacts/contacts.schema.js";
import { snapshot, toContact } from "../contacts/contacts.service.js";
import { customValuesForCreate } from "../custom-fields/index.js";
import { assertCanModify } from "./records.policy.js";

/**
 * Customer records as other pillars change them inside their own transaction (a lead's
 * conversion in sales): the same checks, ownership rule and audit as the customers' own routes.
 */

/** A live contact the caller may change, or 404 (another workspace, or in the trash) / 403. */
export async function loadContactForChange(tx: Transaction, caller: Caller, id: string) {
  const row = await findContact(tx, caller.workspaceId, id);
  if (!row || row.contact.deletedAt !== null) throw notFound("Contact");
  assertCanModify(caller, row.contact, "contacts");
  return row.contact;
}

/** Changes a contact's fields with an audit entry; answers the contact as the API shows it. */
export async function changeContact(tx: Transaction, caller: Caller, before: StoredContact, changes: Partial<typeof contacts.$inferInsert>): Promise<Contact> {
  await updateContact(tx, caller.workspaceId, before.id, { ...changes, updatedAt: new Date() });
  const after = (await findContact(tx, caller.workspaceId, before.id))!;
  await recordAudit(tx, caller, { entityType: "contact", entityId: before.id, action: "update", before: snapshot(before), after: snapshot(after.contact) });
  return toContact(after);
}

export { assertLiveCompany };

/** A new company with just a name, owned by the caller, audited. */
export async function createNamedCompany(tx: Transaction, caller: Caller, name: string): Promise<string> {
  const now = new Date();
  const id = newId();
  await insertCompany(tx, {
    workspaceId: caller.workspaceId,
    id,
    name,
    tags: [],
    custom: await customValuesForCreate(tx, caller.workspaceId, "company", undefined),
    ownerId: caller.userId,
    createdAt: now,
    updatedAt: now,
    createdBy: caller.userId,
  });
  const row = (await findCompany(tx, caller.workspaceId, id))!;
  await recordAudit(tx, caller, { entityType: "company", entityId: id, action: "create", before: null, after: row.company });
  return id;
}
