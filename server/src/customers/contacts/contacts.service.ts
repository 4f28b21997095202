import type { Contact, CreateContactInput, UpdateContactInput } from "../../../../contracts/index.js";
import { CreateContactInput as CreateSchema, UpdateContactInput as UpdateSchema } from "../../../../contracts/index.js";
import type { z } from "zod";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { iso, isoOrNull } from "../../platform/http/iso.js";
import { assertMemberExists } from "../../platform/workspaces/index.js";
import { assertLiveCompany } from "../companies/companies.repository.js";
import { createRecordTrash } from "../shared/record-trash.js";
import { assertCanAssignOwner, assertCanModify } from "../shared/records.policy.js";
import * as repository from "./contacts.repository.js";
import type { contacts } from "./contacts.schema.js";

type ContactRecord = typeof contacts.$inferSelect;
type NewContact = z.output<typeof CreateSchema>;
type ContactChanges = z.output<typeof UpdateSchema>;

export function toContact(row: NonNullable<repository.ContactRow>): Contact {
  const { contact } = row;
  return {
    id: contact.id,
    firstName: contact.firstName,
    lastName: contact.lastName,
    emails: contact.emails,
    phones: contact.phones,
    jobTitle: contact.jobTitle,
    companyId: contact.companyId,
    company: contact.companyId && row.companyName !== null ? { id: contact.companyId, name: row.companyName } : null,
    ownerId: contact.ownerId,
    owner: contact.ownerId && row.ownerName !== null ? { id: contact.ownerId, name: row.ownerName, email: row.ownerEmail ?? "" } : null,
    lifecycleStage: contact.lifecycleStage,
    source: contact.source,
    tags: contact.tags,
    birthday: contact.birthday,
    address: contact.address,
    notes: contact.notes,
    createdAt: iso(contact.createdAt),
    updatedAt: iso(contact.updatedAt),
    createdBy: contact.createdBy,
    deletedAt: isoOrNull(contact.deletedAt),
  };
}

/** The audited view of a contact: its stored fields without the derived search text. */
function snapshot(contact: ContactRecord): Record<string, unknown> {
  const { searchText: _searchText, ...fields } = contact;
  return fields;
}

export function createContactsService({ db }: { db: Database }) {
  const trash = createRecordTrash({
    db,
    entityType: "contact",
    label: "Contact",
    plural: "contacts",
    find: repository.findContact,
    storedOf: (row) => row.contact,
    setDeletedAt: (tx, workspaceId, id, deletedAt) => repository.updateContact(tx, workspaceId, id, { deletedAt, updatedAt: new Date() }),
    destroy: repository.deleteContact,
    snapshot,
  });

  async function checkReferences(tx: Transaction, caller: Caller, input: { companyId?: string | null; ownerId?: string | null }) {
    if (input.companyId) await assertLiveCompany(tx, caller.workspaceId, input.companyId, "body.companyId");
    if (input.ownerId) await assertMemberExists(tx, caller.workspaceId, input.ownerId, "body.ownerId");
  }

  return {
    list: (caller: Caller, query: repository.ContactListQuery) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const { rows, nextCursor } = await repository.listContacts(tx, caller.workspaceId, query);
        return { data: rows.map(toContact), nextCursor };
      }),

    get: (caller: Caller, id: string) => inWorkspace(db, caller.workspaceId, async (tx) => toContact(await trash.load(tx, caller, id))),

    create(caller: Caller, input: NewContact): Promise<Contact> {
      assertCanAssignOwner(caller, input.ownerId);
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        await checkReferences(tx, caller, input);
        const now = new Date();
        const id = newId();
        await repository.insertContact(tx, {
          ...input,
          emails: input.emails ?? [],
          phones: input.phones ?? [],
          tags: input.tags ?? [],
          ownerId: input.ownerId === undefined ? caller.userId : input.ownerId,
          workspaceId: caller.workspaceId,
          id,
          createdAt: now,
          updatedAt: now,
          createdBy: caller.userId,
        });
        const row = (await repository.findContact(tx, caller.workspaceId, id))!;
        await recordAudit(tx, caller, { entityType: "contact", entityId: id, action: "create", before: null, after: snapshot(row.contact) });
        return toContact(row);
      });
    },

    update(caller: Caller, id: string, changes: ContactChanges): Promise<Contact> {
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        const before = await trash.load(tx, caller, id);
        assertCanModify(caller, before.contact, "contacts");
        if (changes.ownerId !== before.contact.ownerId) assertCanAssignOwner(caller, changes.ownerId);
        await checkReferences(tx, caller, changes);
        await repository.updateContact(tx, caller.workspaceId, id, { ...changes, updatedAt: new Date() });
        const after = (await repository.findContact(tx, caller.workspaceId, id))!;
        await recordAudit(tx, caller, { entityType: "contact", entityId: id, action: "update", before: snapshot(before.contact), after: snapshot(after.contact) });
        return toContact(after);
      });
    },

    /** Soft delete: the contact moves to the trash and can be restored. */
    remove: trash.moveToTrash,
    restore: async (caller: Caller, id: string) => toContact(await trash.restore(caller, id)),
    purge: trash.purge,
  };
}

export type ContactsService = ReturnType<typeof createContactsService>;
export type { CreateContactInput, UpdateContactInput };
