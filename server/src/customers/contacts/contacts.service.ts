import type { Contact, CreateContactInput, UpdateContactInput } from "../../../../contracts/index.js";
import { CreateContactInput as CreateSchema, UpdateContactInput as UpdateSchema } from "../../../../contracts/index.js";
import type { z } from "zod";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { invalidField } from "../../platform/http/app-error.js";
import { iso, isoOrNull } from "../../platform/http/iso.js";
import { assertMemberExists } from "../../platform/workspaces/index.js";
import { assertLiveCompany } from "../companies/companies.repository.js";
// Straight from the file, not the module index: the merge service there imports this one.
import { duplicateWarnings } from "../duplicates/duplicates.detection.js";
import { customValuesForCreate, customValuesForUpdate, loadCustomFieldRules } from "../custom-fields/index.js";
import { recordConsentChange } from "../privacy/consent.repository.js";
import { createRecordTrash } from "../shared/record-trash.js";
import { assertCanAssignOwner, assertCanModify } from "../shared/records.policy.js";
import { initialLeadStatus, ownersForNewLeads, type LeadAssigner } from "./contacts.lead-assignment.js";
import * as repository from "./contacts.repository.js";

type ContactRecord = repository.StoredContact;
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
    leadStatus: contact.leadStatus,
    source: contact.source,
    tags: contact.tags,
    birthday: contact.birthday,
    address: contact.address,
    notes: contact.notes,
    custom: contact.custom,
    emailConsent: contact.emailConsent,
    doNotContact: contact.doNotContact,
    externalId: contact.externalId,
    createdAt: iso(contact.createdAt),
    updatedAt: iso(contact.updatedAt),
    createdBy: contact.createdBy,
    deletedAt: isoOrNull(contact.deletedAt),
  };
}

/** The audited view of a contact: its stored fields without the derived search text and the creating import (bulk paths read whole rows). */
export function snapshot(contact: ContactRecord & { searchText?: unknown; importId?: unknown }): Record<string, unknown> {
  const { searchText: _searchText, importId: _importId, ...fields } = contact;
  return fields;
}

/** A consent source describes a consent change; alone it would be recorded nowhere. */
function assertConsentSourceHasChange(consentSource: string | undefined, emailConsent: string | undefined) {
  if (consentSource !== undefined && emailConsent === undefined) throw invalidField("body.consentSource", "is only accepted together with emailConsent");
}

/** leadAssigner: who gets a new lead created without an owner (sales/leads); none means its creator. */
export function createContactsService({ db, leadAssigner }: { db: Database; leadAssigner?: LeadAssigner }) {
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
        const { rows, nextCursor } = await repository.listContacts(tx, caller.workspaceId, query, await loadCustomFieldRules(tx, caller.workspaceId, "contact"));
        return { data: rows.map(toContact), nextCursor };
      }),

    get: (caller: Caller, id: string) => inWorkspace(db, caller.workspaceId, async (tx) => toContact(await trash.load(tx, caller, id))),

    create(caller: Caller, { consentSource, ...given }: NewContact): Promise<Contact> {
      assertCanAssignOwner(caller, given.ownerId);
      assertConsentSourceHasChange(consentSource, given.emailConsent);
      const input = initialLeadStatus(given);
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        await checkReferences(tx, caller, input);
        const now = new Date();
        const id = newId();
        const tags = input.tags ?? [];
        const custom = await customValuesForCreate(tx, caller.workspaceId, "contact", input.custom);
        const assigned =
          input.ownerId === undefined ? await ownersForNewLeads(leadAssigner, tx, caller, [{ ...input, id, tags, custom, lifecycleStage: input.lifecycleStage ?? "lead" }]) : new Map<string, string>();
        await repository.insertContact(tx, {
          ...input,
          emails: input.emails ?? [],
          phones: input.phones ?? [],
          tags,
          custom,
          ownerId: input.ownerId === undefined ? (assigned.get(id) ?? caller.userId) : input.ownerId,
          workspaceId: caller.workspaceId,
          id,
          createdAt: now,
          updatedAt: now,
          createdBy: caller.userId,
        });
        const row = (await repository.findContact(tx, caller.workspaceId, id))!;
        if (input.emailConsent) await recordConsentChange(tx, caller, { contactId: id, emailConsent: input.emailConsent, previousEmailConsent: null, source: consentSource });
        await recordAudit(tx, caller, { entityType: "contact", entityId: id, action: "create", before: null, after: snapshot(row.contact) });
        const warnings = await duplicateWarnings(tx, "contact", id);
        return warnings ? { ...toContact(row), warnings } : toContact(row);
      });
    },

    update(caller: Caller, id: string, { consentSource, ...changes }: ContactChanges): Promise<Contact> {
      assertConsentSourceHasChange(consentSource, changes.emailConsent);
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        const before = await trash.load(tx, caller, id);
        assertCanModify(caller, before.contact, "contacts");
        if (changes.ownerId !== before.contact.ownerId) assertCanAssignOwner(caller, changes.ownerId);
        await checkReferences(tx, caller, changes);
        const custom = changes.custom === undefined ? undefined : await customValuesForUpdate(tx, caller.workspaceId, "contact", changes.custom, before.contact.custom);
        await repository.updateContact(tx, caller.workspaceId, id, { ...changes, custom, updatedAt: new Date() });
        const after = (await repository.findContact(tx, caller.workspaceId, id))!;
        if (after.contact.emailConsent !== before.contact.emailConsent) {
          await recordConsentChange(tx, caller, { contactId: id, emailConsent: after.contact.emailConsent, previousEmailConsent: before.contact.emailConsent, source: consentSource });
        }
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
