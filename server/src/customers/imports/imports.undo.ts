import { and, eq, inArray, sql } from "drizzle-orm";
import type { Transaction } from "../../db/workspace-transaction.js";
import { recordAuditEntries } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { companies } from "../companies/companies.schema.js";
import { snapshot as contactSnapshot } from "../contacts/contacts.service.js";
import { contacts } from "../contacts/contacts.schema.js";
import type { ImportRow } from "./imports.repository.js";
import { importUpdates } from "./imports.schema.js";

const pageSize = 2000;

const restoredColumns = {
  contacts: ["first_name", "last_name", "emails", "phones", "job_title", "company_id", "lifecycle_stage", "source", "tags", "birthday", "address", "notes", "custom", "external_id"],
  companies: ["name", "domain", "industry", "employee_count", "annual_revenue_amount", "annual_revenue_currency", "address", "tags", "custom", "external_id"],
} as const;

const companySnapshot = (company: typeof companies.$inferSelect) => {
  const { importId: _importId, ...fields } = company;
  return fields;
};

/**
 * Takes an import back in the caller's transaction: records it updated get their earlier values
 * again, then the records it created are deleted (contacts first, then companies no contact links
 * to any more), each change audited. A company the import made that someone has since linked a
 * contact to is kept.
 */
export async function undoImport(tx: Transaction, caller: Caller, row: ImportRow) {
  const { workspaceId, id: importId } = row;
  const table = row.object === "contact" ? "contacts" : "companies";
  const entityType = row.object;

  // 1. Restore what it updated, a page at a time.
  for (let offset = 0; ; offset += pageSize) {
    const page = await tx
      .select({ recordId: importUpdates.recordId })
      .from(importUpdates)
      .where(and(eq(importUpdates.workspaceId, workspaceId), eq(importUpdates.importId, importId)))
      .orderBy(importUpdates.recordId)
      .limit(pageSize)
      .offset(offset);
    if (page.length === 0) break;
    const ids = page.map((entry) => entry.recordId);
    const before = await loadSnapshots(tx, workspaceId, table, ids);
    const assignments = sql.raw(restoredColumns[table].map((column) => `${column} = r.${column}`).join(", "));
    await tx.execute(sql`
      update ${sql.identifier(table)} c set ${assignments}, updated_at = now()
      from import_updates u cross join lateral jsonb_populate_record(null::${sql.identifier(table)}, u.before) r
      where u.workspace_id = ${workspaceId}::uuid and u.import_id = ${importId}::uuid
        and u.record_id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
        and c.workspace_id = u.workspace_id and c.id = u.record_id`);
    const after = await loadSnapshots(tx, workspaceId, table, ids);
    await recordAuditEntries(
      tx,
      caller,
      ids.filter((id) => before.has(id)).map((id) => ({ entityType, entityId: id, action: "update" as const, before: before.get(id)!, after: after.get(id) ?? null })),
    );
  }

  // 2. Delete the contacts it created (a contact import), then the companies it created.
  let deletedContacts = 0;
  if (row.object === "contact") deletedContacts = await deleteCreated(tx, caller, "contacts", importId);
  const deletedCompanies = await deleteCreated(tx, caller, "companies", importId);
  return { deletedContacts, deletedCompanies };
}

async function loadSnapshots(tx: Transaction, workspaceId: string, table: "contacts" | "companies", ids: string[]) {
  if (table === "contacts") {
    const rows = await tx.select().from(contacts).where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, ids)));
    return new Map(rows.map((stored) => [stored.id, contactSnapshot(stored)]));
  }
  const rows = await tx.select().from(companies).where(and(eq(companies.workspaceId, workspaceId), inArray(companies.id, ids)));
  return new Map(rows.map((stored) => [stored.id, companySnapshot(stored)]));
}

async function deleteCreated(tx: Transaction, caller: Caller, table: "contacts" | "companies", importId: string): Promise<number> {
  let deleted = 0;
  let afterId = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const page =
      table === "contacts"
        ? (await tx.execute(sql`
            select id from contacts where workspace_id = ${caller.workspaceId}::uuid and import_id = ${importId}::uuid and id > ${afterId}::uuid
            order by id limit ${pageSize}`)) as unknown as { rows: { id: string }[] }
        : ((await tx.execute(sql`
            select co.id from companies co
            where co.workspace_id = ${caller.workspaceId}::uuid and co.import_id = ${importId}::uuid and co.id > ${afterId}::uuid
              and not exists (select 1 from contacts c where c.workspace_id = co.workspace_id and c.company_id = co.id)
            order by co.id limit ${pageSize}`)) as unknown as { rows: { id: string }[] });
    if (page.rows.length === 0) return deleted;
    const ids = page.rows.map((entry) => entry.id);
    afterId = ids[ids.length - 1];
    const before = await loadSnapshots(tx, caller.workspaceId, table, ids);
    if (table === "contacts") await tx.delete(contacts).where(and(eq(contacts.workspaceId, caller.workspaceId), inArray(contacts.id, ids)));
    else await tx.delete(companies).where(and(eq(companies.workspaceId, caller.workspaceId), inArray(companies.id, ids)));
    await recordAuditEntries(
      tx,
      caller,
      ids.map((id) => ({ entityType: table === "contacts" ? "contact" : "company", entityId: id, action: "hard_delete" as const, before: before.get(id) ?? null, after: null })),
    );
    deleted += ids.length;
  }
}
