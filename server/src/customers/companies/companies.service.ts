import type { z } from "zod";
import type { Company } from "../../../../contracts/index.js";
import type { CreateCompanyInput, UpdateCompanyInput } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { iso, isoOrNull } from "../../platform/http/iso.js";
import { assertMemberExists } from "../../platform/workspaces/index.js";
import { detachCompany } from "../contacts/contacts.repository.js";
// Straight from the file, not the module index: the merge service there imports this one.
import { duplicateWarnings } from "../duplicates/duplicates.detection.js";
import { customValuesForCreate, customValuesForUpdate, loadCustomFieldRules } from "../custom-fields/index.js";
import { createRecordTrash } from "../shared/record-trash.js";
import { assertCanAssignOwner, assertCanModify } from "../shared/records.policy.js";
import * as repository from "./companies.repository.js";
import type { companies } from "./companies.schema.js";

type NewCompany = z.output<typeof CreateCompanyInput>;
type CompanyChanges = z.output<typeof UpdateCompanyInput>;

export function toCompany(row: repository.CompanyRow): Company {
  const { company } = row;
  return {
    id: company.id,
    name: company.name,
    domain: company.domain,
    industry: company.industry,
    employeeCount: company.employeeCount,
    annualRevenue:
      company.annualRevenueAmount !== null && company.annualRevenueCurrency
        ? { amount: Number(company.annualRevenueAmount), currency: company.annualRevenueCurrency }
        : null,
    address: company.address,
    ownerId: company.ownerId,
    owner: company.ownerId && row.ownerName !== null ? { id: company.ownerId, name: row.ownerName, email: row.ownerEmail ?? "" } : null,
    tags: company.tags,
    custom: company.custom,
    externalId: company.externalId,
    contactCount: Number(row.contactCount),
    createdAt: iso(company.createdAt),
    updatedAt: iso(company.updatedAt),
    createdBy: company.createdBy,
    deletedAt: isoOrNull(company.deletedAt),
  };
}

/** Money is stored as two columns; the API speaks `annualRevenue: {amount, currency}`. */
function toColumns(input: Partial<NewCompany>): Partial<typeof companies.$inferInsert> {
  const { annualRevenue, ...rest } = input;
  if (annualRevenue === undefined) return rest;
  return { ...rest, annualRevenueAmount: annualRevenue?.amount ?? null, annualRevenueCurrency: annualRevenue?.currency ?? null };
}

export function createCompaniesService({ db }: { db: Database }) {
  const trash = createRecordTrash({
    db,
    entityType: "company",
    label: "Company",
    plural: "companies",
    find: repository.findCompany,
    storedOf: (row) => row.company,
    setDeletedAt: (tx, workspaceId, id, deletedAt) => repository.updateCompany(tx, workspaceId, id, { deletedAt, updatedAt: new Date() }),
    // Its contacts stay and lose the link.
    destroy: async (tx, workspaceId, id) => {
      await detachCompany(tx, workspaceId, id);
      await repository.deleteCompany(tx, workspaceId, id);
    },
    snapshot: (company) => company,
  });

  return {
    list: (caller: Caller, query: repository.CompanyListQuery) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const { rows, nextCursor } = await repository.listCompanies(tx, caller.workspaceId, query, await loadCustomFieldRules(tx, caller.workspaceId, "company"));
        return { data: rows.map(toCompany), nextCursor };
      }),

    get: (caller: Caller, id: string) => inWorkspace(db, caller.workspaceId, async (tx) => toCompany(await trash.load(tx, caller, id))),

    /** Confirms the company is visible to the caller (used before listing its contacts). */
    assertVisible: (caller: Caller, id: string) => inWorkspace(db, caller.workspaceId, async (tx) => void (await trash.load(tx, caller, id))),

    create(caller: Caller, input: NewCompany): Promise<Company> {
      assertCanAssignOwner(caller, input.ownerId);
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        if (input.ownerId) await assertMemberExists(tx, caller.workspaceId, input.ownerId, "body.ownerId");
        const now = new Date();
        const id = newId();
        await repository.insertCompany(tx, {
          ...toColumns(input),
          name: input.name,
          tags: input.tags ?? [],
          custom: await customValuesForCreate(tx, caller.workspaceId, "company", input.custom),
          ownerId: input.ownerId === undefined ? caller.userId : input.ownerId,
          workspaceId: caller.workspaceId,
          id,
          createdAt: now,
          updatedAt: now,
          createdBy: caller.userId,
        });
        const row = (await repository.findCompany(tx, caller.workspaceId, id))!;
        await recordAudit(tx, caller, { entityType: "company", entityId: id, action: "create", before: null, after: row.company });
        const warnings = await duplicateWarnings(tx, "company", id);
        return warnings ? { ...toCompany(row), warnings } : toCompany(row);
      });
    },

    update(caller: Caller, id: string, changes: CompanyChanges): Promise<Company> {
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        const before = await trash.load(tx, caller, id);
        assertCanModify(caller, before.company, "companies");
        if (changes.ownerId !== before.company.ownerId) assertCanAssignOwner(caller, changes.ownerId);
        if (changes.ownerId) await assertMemberExists(tx, caller.workspaceId, changes.ownerId, "body.ownerId");
        const custom = changes.custom === undefined ? undefined : await customValuesForUpdate(tx, caller.workspaceId, "company", changes.custom, before.company.custom);
        await repository.updateCompany(tx, caller.workspaceId, id, { ...toColumns(changes), custom, updatedAt: new Date() });
        const after = (await repository.findCompany(tx, caller.workspaceId, id))!;
        await recordAudit(tx, caller, { entityType: "company", entityId: id, action: "update", before: before.company, after: after.company });
        return toCompany(after);
      });
    },

    remove: trash.moveToTrash,
    restore: async (caller: Caller, id: string) => toCompany(await trash.restore(caller, id)),
    purge: trash.purge,
  };
}

export type CompaniesService = ReturnType<typeof createCompaniesService>;
