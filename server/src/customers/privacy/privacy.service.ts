import type { ConsentHistory, ContactDataExport, ErasureResult } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { inWorkspace } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { notFound } from "../../platform/http/app-error.js";
import { findContact, updateContact, type StoredContact } from "../contacts/contacts.repository.js";
import { toContact } from "../contacts/contacts.service.js";
import { clearConsentSources, listConsentHistory } from "./consent.repository.js";
import type { ContactDataSource, PersonalValues } from "./contact-data-source.js";
import { omitFields, type FieldPermissionsService } from "./field-permissions.service.js";
import * as repository from "./privacy.repository.js";
import { erasedMarker, identifierPattern, likePatterns, scrubJson, scrubText } from "./scrub-text.js";

/** Contact fields that hold personal data: erased from the row and, wholesale, from its audit history. */
const personalFields = ["firstName", "lastName", "emails", "phones", "jobTitle", "birthday", "address", "notes", "custom"];

/**
 * What identifies the person in text elsewhere. The first name alone is left out: scrubbing
 * every "Ada" in the workspace would damage other people's records.
 */
export function personalValuesOf(contact: StoredContact): PersonalValues {
  const fullName = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
  const identifiers = [
    fullName,
    ...contact.emails.map((email) => email.address),
    ...contact.phones.map((phone) => phone.number),
    ...(contact.lastName && contact.lastName.trim().length >= 3 ? [contact.lastName] : []),
    ...(contact.address?.street && contact.address.street.trim().length >= 5 ? [contact.address.street] : []),
  ];
  return { contactId: contact.id, identifiers };
}

export function createPrivacyService({ db, fieldPermissions, sources }: { db: Database; fieldPermissions: FieldPermissionsService; sources: ContactDataSource[] }) {
  return {
    consentHistory: (caller: Caller, contactId: string): Promise<ConsentHistory> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const row = await findContact(tx, caller.workspaceId, contactId);
        if (!row || row.contact.deletedAt) throw notFound("Contact");
        return { data: await listConsentHistory(tx, caller.workspaceId, contactId) };
      }),

    /** A data subject access request: everything held about the contact (also in the trash), logged. */
    exportContact: (caller: Caller, contactId: string): Promise<ContactDataExport> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const row = await findContact(tx, caller.workspaceId, contactId);
        if (!row) throw notFound("Contact");
        const hidden = await fieldPermissions.hiddenFor(tx, caller, "contacts");
        const related: Record<string, unknown> = {};
        for (const source of sources) related[source.name] = await source.exportFor(tx, caller.workspaceId, contactId);
        const document = {
          exportedAt: new Date().toISOString(),
          contact: omitFields({ ...toContact(row), custom: row.contact.custom }, hidden),
          consentHistory: await listConsentHistory(tx, caller.workspaceId, contactId),
          audit: await repository.auditEntriesOf(tx, caller.workspaceId, contactId),
          related,
        };
        await recordAudit(tx, caller, { entityType: "contact", entityId: contactId, action: "export", before: null, after: null });
        return document;
      }),

    /**
     * The right to erasure: personal values leave the contact row, its audit history, its
     * consent sources, other contacts' notes, and every module registered as a source — in one
     * transaction. The anonymised row stays, so counts by stage, owner or company still add up.
     */
    async eraseContact(caller: Caller, contactId: string): Promise<ErasureResult> {
      const afterCommit: Array<() => Promise<void>> = [];
      const erasedAt = new Date();
      await inWorkspace(db, caller.workspaceId, async (tx) => {
        const row = await findContact(tx, caller.workspaceId, contactId);
        if (!row) throw notFound("Contact");
        const personal = personalValuesOf(row.contact);
        const pattern = identifierPattern(personal.identifiers);
        const patterns = likePatterns(personal.identifiers);

        for (const source of sources) {
          const cleanup = await source.erase(tx, caller, personal);
          if (cleanup) afterCommit.push(cleanup);
        }
        await updateContact(tx, caller.workspaceId, contactId, {
          firstName: "Erased contact",
          lastName: null,
          emails: [],
          phones: [],
          jobTitle: null,
          birthday: null,
          address: null,
          notes: null,
          custom: {},
          doNotContact: true,
          updatedAt: erasedAt,
        });
        await clearConsentSources(tx, caller.workspaceId, contactId);

        for (const entry of await repository.auditEntriesToScrub(tx, caller.workspaceId, contactId, patterns)) {
          const isOwn = entry.entityType === "contact" && entry.entityId === contactId;
          const changes: Record<string, { before: unknown; after: unknown }> = {};
          for (const [field, change] of Object.entries(entry.changes)) {
            const erased = (value: unknown) => (value === null ? null : erasedMarker);
            changes[field] =
              isOwn && personalFields.includes(field)
                ? { before: erased(change.before), after: erased(change.after) }
                : (scrubJson(change, pattern) as { before: unknown; after: unknown });
          }
          if (JSON.stringify(changes) !== JSON.stringify(entry.changes)) await repository.replaceAuditChanges(tx, caller.workspaceId, entry.id, changes);
        }
        for (const other of await repository.contactNotesMentioning(tx, caller.workspaceId, contactId, patterns)) {
          const scrubbed = scrubText(other.notes ?? "", pattern);
          if (scrubbed !== other.notes) await repository.replaceContactNotes(tx, caller.workspaceId, other.id, scrubbed);
        }
        // The log says who erased whom and when, and nothing of what was erased.
        await recordAudit(tx, caller, { entityType: "contact", entityId: contactId, action: "erase", before: null, after: null });
      });
      for (const cleanup of afterCommit) await cleanup();
      return { contactId, erasedAt: erasedAt.toISOString() };
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
