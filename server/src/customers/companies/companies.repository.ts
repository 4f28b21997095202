import { and, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { companyFilterFields, companySortFields, type CustomFieldRule } from "../../../../contracts/index.js";
import { afterCursor, buildFilters, cursorFor, escapeLike, orderBy, parseSort, type ListField, type SortKey } from "../../db/list-query.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { users } from "../../platform/auth/auth.schema.js";
import { invalidField } from "../../platform/http/app-error.js";
import { contacts } from "../contacts/contacts.schema.js";
import { customListFields, customSortValues } from "../custom-fields/index.js";
import { externalIdConflict } from "../shared/external-id.js";
import { tagsFilter } from "../shared/list-filters.js";
import { companies } from "./companies.schema.js";

const column = (name: keyof typeof companies.$inferSelect) => sql`${companies[name]}`;
const sortable = new Set<string>(companySortFields);

const listFields: Record<(typeof companyFilterFields)[number], ListField> = {
  name: { column: column("name"), type: "text", isNullable: false, isSortable: true },
  domain: { column: column("domain"), type: "text", isNullable: true, isSortable: true },
  industry: { column: column("industry"), type: "text", isNullable: true, isSortable: true },
  employeeCount: { column: column("employeeCount"), type: "number", isNullable: true, isSortable: true },
  annualRevenue: { column: column("annualRevenueAmount"), type: "number", isNullable: true, isSortable: true },
  ownerId: { column: column("ownerId"), type: "uuid", isNullable: true, isSortable: false },
  tags: { column: column("tags"), type: "text", isNullable: false, isSortable: false, filter: tagsFilter(column("tags"), "tags") },
  externalId: { column: column("externalId"), type: "text", isNullable: true, isSortable: false },
  createdAt: { column: column("createdAt"), type: "timestamp", isNullable: false, isSortable: true },
  updatedAt: { column: column("updatedAt"), type: "timestamp", isNullable: false, isSortable: true },
};
for (const [name, field] of Object.entries(listFields)) field.isSortable = sortable.has(name);

function baseSelect(tx: Transaction, extra: Record<string, SQL> = {}) {
  return tx
    .select({
      company: companies,
      ownerName: users.name,
      ownerEmail: users.email,
      contactCount: sql<number>`(select count(*) from ${contacts} where ${contacts.workspaceId} = ${companies.workspaceId} and ${contacts.companyId} = ${companies.id} and ${contacts.deletedAt} is null)::int`,
      ...extra,
    })
    .from(companies)
    .leftJoin(users, eq(users.id, companies.ownerId));
}

export type CompanyRow = NonNullable<Awaited<ReturnType<typeof findCompany>>>;

export async function findCompany(tx: Transaction, workspaceId: string, id: string) {
  const [row] = await baseSelect(tx).where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, id)));
  return row;
}

/** A contact may only point at a company of its workspace that is not in the trash. */
export async function assertLiveCompany(tx: Transaction, workspaceId: string, id: string, path: string) {
  const [row] = await tx.select({ deletedAt: companies.deletedAt }).from(companies).where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, id)));
  if (!row) throw invalidField(path, "is not a company of this workspace");
  if (row.deletedAt) throw invalidField(path, "is a company in the trash; restore it first");
}

export interface CompanyListQuery {
  limit: number;
  cursor?: string;
  sort?: string;
  q?: string;
  filter?: Record<string, Record<string, string>>;
  trash: boolean;
}

/** customFields: the workspace's company fields, listed as `custom.<key>` next to the built-in ones. */
export async function listCompanies(tx: Transaction, workspaceId: string, query: CompanyListQuery, customFields: CustomFieldRule[] = []) {
  const fields = { ...listFields, ...customListFields(customFields, { name: "companies", id: sql`${companies.id}`, custom: sql`${companies.custom}` }) };
  const conditions: (SQL | undefined)[] = [eq(companies.workspaceId, workspaceId), query.trash ? isNotNull(companies.deletedAt) : isNull(companies.deletedAt)];
  conditions.push(...buildFilters(query.filter, fields));
  let keys: SortKey[];
  const extra: Record<string, SQL> = {};
  if (query.q) {
    const term = query.q.toLowerCase();
    const pattern = `%${escapeLike(term)}%`;
    conditions.push(sql`(lower(${companies.name}) like ${pattern} or ${companies.domain} like ${pattern})`);
    const rank = sql`((case when lower(${companies.name}) like ${`${escapeLike(term)}%`} then 1 else 0 end) + word_similarity(${term}, lower(${companies.name})))::real`;
    extra.rank = rank;
    keys = query.sort ? parseSort(query.sort, fields, "") : [{ name: "rank", column: rank, isDescending: true, isNullable: false, type: "rank" }];
  } else {
    keys = parseSort(query.sort, fields, "-updatedAt");
  }
  const idColumn = sql`${companies.id}`;
  conditions.push(afterCursor(query.cursor, keys, idColumn));
  const rows = await baseSelect(tx, extra)
    .where(and(...conditions))
    .orderBy(...orderBy(keys, idColumn))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const values = last ? { ...last.company, ...customSortValues(last.company.custom), annualRevenue: last.company.annualRevenueAmount, rank: (last as Record<string, unknown>).rank } : undefined;
  return { rows: page, nextCursor: rows.length > query.limit && last && values ? cursorFor(values, keys, last.company.id) : null };
}

export async function insertCompany(tx: Transaction, values: typeof companies.$inferInsert) {
  await tx.insert(companies).values(values).catch(externalIdConflict("company"));
}

export async function updateCompany(tx: Transaction, workspaceId: string, id: string, values: Partial<typeof companies.$inferInsert>) {
  await tx
    .update(companies)
    .set(values)
    .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, id)))
    .catch(externalIdConflict("company"));
}

export async function deleteCompany(tx: Transaction, workspaceId: string, id: string) {
  await tx.delete(companies).where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, id)));
}
