import { and, eq, inArray, isNull } from "drizzle-orm";
import { CreateCompanyInput, UpdateCompanyInput } from "../../../../contracts/index.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { companies } from "../companies/companies.schema.js";
import { externalIdConflict } from "../shared/external-id.js";
import type { BatchObject } from "./batch.object.js";

type StoredCompany = typeof companies.$inferSelect;

const byIds = (tx: Transaction, workspaceId: string, ids: string[]) =>
  ids.length ? tx.select().from(companies).where(and(eq(companies.workspaceId, workspaceId), inArray(companies.id, ids))) : Promise.resolve([]);

const byExternalIds = (tx: Transaction, workspaceId: string, externalIds: string[]) =>
  tx.select().from(companies).where(and(eq(companies.workspaceId, workspaceId), inArray(companies.externalId, externalIds)));

export const companyBatchObject: BatchObject<StoredCompany> = {
  entityType: "company",
  label: "company",
  plural: "companies",
  createSchema: CreateCompanyInput,
  updateSchema: UpdateCompanyInput,

  keyField: (matchOn) => matchOn,
  keyOf(matchOn, values) {
    if (matchOn === "domain") return typeof values.domain === "string" ? values.domain : undefined;
    if (matchOn === "externalId") return typeof values.externalId === "string" ? values.externalId : undefined;
    return undefined;
  },

  async findByKeys(tx, workspaceId, matchOn, keys) {
    if (matchOn === "id") return (await byIds(tx, workspaceId, keys)).map((stored) => ({ key: stored.id, stored }));
    if (matchOn === "externalId") return (await byExternalIds(tx, workspaceId, keys)).map((stored) => ({ key: stored.externalId!, stored }));
    // Domains are not unique: live companies only, and more than one match is the caller's to resolve.
    const rows = await tx
      .select()
      .from(companies)
      .where(and(eq(companies.workspaceId, workspaceId), inArray(companies.domain, keys), isNull(companies.deletedAt)));
    return rows.map((stored) => ({ key: stored.domain!, stored }));
  },

  findByIds: byIds,
  findByExternalIds: byExternalIds,
  referenceErrors: async () => [],
  recordErrors: () => [],

  async insertRows(tx, rows) {
    await tx
      .insert(companies)
      .values(rows as (typeof companies.$inferInsert)[])
      .catch(externalIdConflict("company"));
  },
  updateRow: async (tx, workspaceId, id, values) => {
    await tx
      .update(companies)
      .set(values)
      .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, id)))
      .catch(externalIdConflict("company"));
  },

  /** Money is stored as two columns; the API speaks `annualRevenue: {amount, currency}`. */
  toColumns(values) {
    const { annualRevenue, ...rest } = values as { annualRevenue?: { amount: number; currency: string } | null };
    if (annualRevenue === undefined) return rest;
    return { ...rest, annualRevenueAmount: annualRevenue?.amount ?? null, annualRevenueCurrency: annualRevenue?.currency ?? null };
  },
  snapshot: (company) => {
    const { importId: _importId, ...fields } = company;
    return fields;
  },
};
