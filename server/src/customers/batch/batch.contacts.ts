import { and, eq, inArray, sql } from "drizzle-orm";
import { CreateContactInput, UpdateContactInput, type EmailConsent } from "../../../../contracts/index.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { companies } from "../companies/companies.schema.js";
import { snapshot } from "../contacts/contacts.service.js";
import { contacts } from "../contacts/contacts.schema.js";
import { initialLeadStatus } from "../contacts/contacts.lead-assignment.js";
import { recordConsentChange } from "../privacy/consent.repository.js";
import { externalIdConflict } from "../shared/external-id.js";
import type { BatchObject, RecordValues } from "./batch.object.js";

type StoredContact = typeof contacts.$inferSelect;

const primaryEmail = (values: RecordValues) => {
  const emails = values.emails as { address: string; primary: boolean }[] | undefined;
  return emails?.find((entry) => entry.primary)?.address ?? emails?.[0]?.address;
};

/** Contacts whose e-mails hold any of these addresses, through the index (migration 0012 says why a function). */
export async function contactsByEmail(tx: Transaction, addresses: string[]): Promise<{ id: string; address: string }[]> {
  if (addresses.length === 0) return [];
  const result = (await tx.execute(sql`select id, address from contacts_by_email(${`{${addresses.map((address) => `"${address.replace(/["\\]/g, "\\$&")}"`).join(",")}}`}::text[])`)) as unknown as {
    rows: { id: string; address: string }[];
  };
  return result.rows;
}

const byIds = (tx: Transaction, workspaceId: string, ids: string[]) =>
  ids.length ? tx.select().from(contacts).where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, ids))) : Promise.resolve([]);

export const contactBatchObject: BatchObject<StoredContact> = {
  entityType: "contact",
  label: "contact",
  plural: "contacts",
  createSchema: CreateContactInput,
  updateSchema: UpdateContactInput,

  keyField: (matchOn) => (matchOn === "email" ? "emails" : matchOn),
  keyOf(matchOn, values) {
    if (matchOn === "email") return primaryEmail(values);
    if (matchOn === "externalId") return typeof values.externalId === "string" ? values.externalId : undefined;
    return undefined;
  },

  async findByKeys(tx, workspaceId, matchOn, keys) {
    if (matchOn === "id") return (await byIds(tx, workspaceId, keys)).map((stored) => ({ key: stored.id, stored }));
    if (matchOn === "externalId") {
      const rows = await tx.select().from(contacts).where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.externalId, keys)));
      return rows.map((stored) => ({ key: stored.externalId!, stored }));
    }
    const hits = await contactsByEmail(tx, keys);
    const rows = new Map((await byIds(tx, workspaceId, [...new Set(hits.map((hit) => hit.id))])).map((stored) => [stored.id, stored]));
    return hits.map((hit) => ({ key: hit.address, stored: rows.get(hit.id)! }));
  },

  findByIds: byIds,
  findByExternalIds: (tx, workspaceId, externalIds) => tx.select().from(contacts).where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.externalId, externalIds))),

  async referenceErrors(tx, workspaceId, writes) {
    const companyIds = [...new Set(writes.map((entry) => entry.values.companyId).filter((id): id is string => typeof id === "string"))];
    if (companyIds.length === 0) return [];
    const rows = await tx
      .select({ id: companies.id, deletedAt: companies.deletedAt })
      .from(companies)
      .where(and(eq(companies.workspaceId, workspaceId), inArray(companies.id, companyIds)));
    const live = new Map(rows.map((row) => [row.id, row.deletedAt === null]));
    return writes.flatMap((entry) => {
      const id = entry.values.companyId;
      if (typeof id !== "string" || live.get(id)) return [];
      const message = live.has(id) ? "is a company in the trash; restore it first" : "is not a company of this workspace";
      return [{ path: `records[${entry.index}].companyId`, message }];
    });
  },

  recordErrors(values, index) {
    if (values.consentSource !== undefined && values.emailConsent === undefined) return [{ path: `records[${index}].consentSource`, message: "is only accepted together with emailConsent" }];
    return [];
  },

  async insertRows(tx, rows) {
    await tx
      .insert(contacts)
      .values((rows as (typeof contacts.$inferInsert)[]).map(initialLeadStatus))
      .catch(externalIdConflict("contact"));
  },
  updateRow: async (tx, workspaceId, id, values) => {
    await tx
      .update(contacts)
      .set(values)
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)))
      .catch(externalIdConflict("contact"));
  },

  toColumns(values) {
    const { consentSource: _consentSource, ...columns } = values;
    return columns;
  },
  snapshot,

  async afterWrite(tx, caller, writes) {
    for (const { values, before, after } of writes) {
      const previous = before?.emailConsent ?? null;
      if (after.emailConsent === previous || (!before && after.emailConsent === "unknown" && values.emailConsent === undefined)) continue;
      await recordConsentChange(tx, caller, { contactId: after.id, emailConsent: after.emailConsent as EmailConsent, previousEmailConsent: previous, source: values.consentSource as string | undefined });
    }
  },
};
