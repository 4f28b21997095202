import { and, eq, getTableColumns, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { contactFilterFields, contactSortFields, LeadStatus, LifecycleStage, toE164, type CustomFieldRule } from "../../../../contracts/index.js";
import { afterCursor, buildFilters, cursorFor, orderBy, parseSort, type ListField, type SortKey } from "../../db/list-query.js";
import type { Database } from "../../db/client.js";
import { preparedSelect, selectWithFixedColumns } from "../../db/prepared-queries.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { users } from "../../platform/auth/auth.schema.js";
import { companies } from "../companies/companies.schema.js";
import { customListFields, customSortValues } from "../custom-fields/index.js";
import { externalIdConflict } from "../shared/external-id.js";
import { jsonArrayFilter, tagsFilter } from "../shared/list-filters.js";
import { contacts } from "./contacts.schema.js";

const column = (name: keyof typeof contacts.$inferSelect) => sql`${contacts[name]}`;

const listFields: Record<(typeof contactFilterFields)[number], ListField> = {
  firstName: { column: column("firstName"), type: "text", isNullable: false, isSortable: true },
  lastName: { column: column("lastName"), type: "text", isNullable: true, isSortable: true },
  email: { column: column("emails"), type: "text", isNullable: false, isSortable: false, filter: jsonArrayFilter(column("emails"), "address", "email", (value) => value.trim().toLowerCase()) },
  phone: { column: column("phones"), type: "text", isNullable: false, isSortable: false, filter: jsonArrayFilter(column("phones"), "number", "phone", (value) => toE164(value) ?? value.trim()) },
  jobTitle: { column: column("jobTitle"), type: "text", isNullable: true, isSortable: true },
  companyId: { column: column("companyId"), type: "uuid", isNullable: true, isSortable: false },
  ownerId: { column: column("ownerId"), type: "uuid", isNullable: true, isSortable: false },
  lifecycleStage: { column: column("lifecycleStage"), type: "enum", isNullable: false, isSortable: true, enumValues: LifecycleStage.options },
  leadStatus: { column: column("leadStatus"), type: "enum", isNullable: true, isSortable: true, enumValues: LeadStatus.options },
  source: { column: column("source"), type: "text", isNullable: true, isSortable: true },
  tags: { column: column("tags"), type: "text", isNullable: false, isSortable: false, filter: tagsFilter(column("tags"), "tags") },
  birthday: { column: column("birthday"), type: "date", isNullable: true, isSortable: true },
  externalId: { column: column("externalId"), type: "text", isNullable: true, isSortable: false },
  createdAt: { column: column("createdAt"), type: "timestamp", isNullable: false, isSortable: true },
  updatedAt: { column: column("updatedAt"), type: "timestamp", isNullable: false, isSortable: true },
};
const sortable = new Set<string>(contactSortFields);
for (const [name, field] of Object.entries(listFields)) field.isSortable = sortable.has(name);

// The search text and the creating import stay in the database: no answer shows them, and the search text is a contact's longest column.
const { searchText: _searchText, importId: _importId, ...storedColumns } = getTableColumns(contacts);
export type StoredContact = Omit<typeof contacts.$inferSelect, "searchText" | "importId">;

const contactColumns = {
  contact: storedColumns,
  companyName: companies.name,
  ownerName: users.name,
  ownerEmail: users.email,
};

function baseSelect(tx: Transaction | Database, extra: Record<string, SQL> = {}) {
  return tx
    .select({ ...contactColumns, ...extra })
    .from(contacts)
    .leftJoin(companies, and(eq(companies.workspaceId, contacts.workspaceId), eq(companies.id, contacts.companyId)))
    .leftJoin(users, eq(users.id, contacts.ownerId));
}

type ContactSelectRow = Awaited<ReturnType<typeof baseSelect>>[number];
export type ContactRow = ContactSelectRow;

const contactById = preparedSelect<ContactSelectRow>("contact_by_id", (db) =>
  baseSelect(db)
    .where(and(eq(contacts.workspaceId, sql.placeholder("workspaceId")), eq(contacts.id, sql.placeholder("id"))))
    .$dynamic(),
);

const contactPage = selectWithFixedColumns<ContactSelectRow>((db) => baseSelect(db).$dynamic());

export async function findContact(tx: Transaction, workspaceId: string, id: string): Promise<ContactSelectRow | undefined> {
  const [row] = await contactById(tx, { workspaceId, id });
  return row;
}

/** Search text: phone-like input matches on digits, anything else on names and e-mails (lower-cased). */
function searchTerm(q: string): string {
  const digits = q.replace(/[\s()+.-]/g, "");
  return /^\d{4,}$/.test(digits) ? digits : q.toLowerCase();
}

/** Search is for finding someone, not for exporting: past this many hits, refine the query. */
export const searchLimit = 200;

export interface ContactListQuery {
  limit: number;
  cursor?: string;
  sort?: string;
  q?: string;
  filter?: Record<string, Record<string, string>>;
  trash: boolean;
  companyId?: string;
}

/** customFields: the workspace's contact fields, listed as `custom.<key>` next to the built-in ones. */
export async function listContacts(tx: Transaction, workspaceId: string, query: ContactListQuery, customFields: CustomFieldRule[] = []) {
  const fields = { ...listFields, ...customListFields(customFields, { name: "contacts", id: sql`${contacts.id}`, custom: sql`${contacts.custom}` }) };
  const conditions: (SQL | undefined)[] = [eq(contacts.workspaceId, workspaceId), query.trash ? isNotNull(contacts.deletedAt) : isNull(contacts.deletedAt)];
  if (query.companyId) conditions.push(eq(contacts.companyId, query.companyId));
  conditions.push(...buildFilters(query.filter, fields));

  let keys: SortKey[];
  const extra: Record<string, SQL> = {};
  if (query.q) {
    const term = searchTerm(query.q);
    const pattern = `%${term.replace(/[\\%_]/g, "\\$&")}%`;
    const prefix = `${term.replace(/[\\%_]/g, "\\$&")}%`;
    // The candidates come from a SECURITY DEFINER function because the trigram index cannot be
    // used under row-level security (migration 0003 says why); they include contacts at a
    // company whose name matches. Search answers at most searchLimit best-ranked contacts.
    conditions.push(
      sql`${contacts.id} in (select contact_search_candidates(${term}, ${pattern}, ${prefix}, ${query.trash}, ${searchLimit}))`,
    );
    const rank = sql`((case when lower(${contacts.firstName}) like ${prefix} or lower(${contacts.lastName}) like ${prefix} then 1 else 0 end) + word_similarity(${term}, ${contacts.searchText}))::real`;
    extra.rank = rank;
    keys = query.sort ? parseSort(query.sort, fields, "") : [{ name: "rank", column: rank, isDescending: true, isNullable: false, type: "rank" }];
  } else {
    keys = parseSort(query.sort, fields, "-updatedAt");
  }
  const idColumn = sql`${contacts.id}`;
  conditions.push(afterCursor(query.cursor, keys, idColumn));

  const page = { where: and(...conditions), orderBy: orderBy(keys, idColumn), limit: query.limit + 1 };
  // Search selects its rank too; every other list reads the same columns, written out once.
  const rows: (ContactSelectRow & { rank?: unknown })[] = query.q
    ? await baseSelect(tx, extra).where(page.where).orderBy(...page.orderBy).limit(page.limit)
    : await contactPage(tx, page);
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows[pageRows.length - 1];
  const nextCursor = rows.length > query.limit && last ? cursorFor({ ...last.contact, ...customSortValues(last.contact.custom), rank: last.rank }, keys, last.contact.id) : null;
  return { rows: pageRows, nextCursor };
}

export async function insertContact(tx: Transaction, values: typeof contacts.$inferInsert) {
  await tx.insert(contacts).values(values).catch(externalIdConflict("contact"));
}

export async function updateContact(tx: Transaction, workspaceId: string, id: string, values: Partial<typeof contacts.$inferInsert>) {
  await tx
    .update(contacts)
    .set(values)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)))
    .catch(externalIdConflict("contact"));
}

export async function deleteContact(tx: Transaction, workspaceId: string, id: string) {
  await tx.delete(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)));
}

export async function detachCompany(tx: Transaction, workspaceId: string, companyId: string) {
  await tx.update(contacts).set({ companyId: null }).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.companyId, companyId)));
}
