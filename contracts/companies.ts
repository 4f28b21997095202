import { z } from "zod";
import { Address, ExternalId, Id, Money, Tags, Timestamp, UserSummary, listOf } from "./common.js";
import { CustomValues } from "./custom-fields.js";
import { RecordWarning } from "./duplicates.js";

export const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/^https?:\/\//, "").replace(/^www\./, "").replace(/\/.*$/, ""))
  .pipe(z.string().regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "must be a domain such as example.com"));

const companyFields = {
  name: z.string().trim().min(1, "is required").max(300),
  domain: Domain.nullable().optional(),
  industry: z.string().trim().max(120).nullable().optional(),
  employeeCount: z.number().int("must be a whole number").min(0).max(10_000_000).nullable().optional(),
  annualRevenue: Money.nullable().optional(),
  address: Address.nullable().optional(),
  ownerId: Id.nullable().optional(),
  tags: Tags.optional(),
  custom: CustomValues.optional(),
  externalId: ExternalId.nullable().optional(),
};

export const CreateCompanyInput = z.strictObject(companyFields).meta({ id: "CreateCompanyInput" });
export type CreateCompanyInput = z.input<typeof CreateCompanyInput>;

export const UpdateCompanyInput = z
  .strictObject({ ...companyFields, name: companyFields.name.optional() })
  .meta({ id: "UpdateCompanyInput" });
export type UpdateCompanyInput = z.input<typeof UpdateCompanyInput>;

export const Company = z
  .object({
    id: Id,
    name: z.string(),
    domain: z.string().nullable(),
    industry: z.string().nullable(),
    // employeeCount, annualRevenue and address are absent when the workspace hides them from the caller's role.
    employeeCount: z.number().int().nullable().optional(),
    annualRevenue: z.object({ amount: z.number().int(), currency: z.string() }).nullable().optional(),
    address: Address.nullable().optional(),
    ownerId: Id.nullable(),
    owner: UserSummary.nullable(),
    tags: z.array(z.string()),
    contactCount: z.number().int(),
    custom: CustomValues,
    externalId: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    createdBy: Id.nullable(),
    deletedAt: Timestamp.nullable(),
    /** Only on a create: the new company looks like these existing ones (customers/duplicates). */
    warnings: z.array(RecordWarning).optional(),
    /** Only on a merge's answer: the merge, to undo it with POST /merges/{id}/undo. */
    mergeId: Id.optional(),
  })
  .meta({ id: "Company" });
export type Company = z.infer<typeof Company>;

export const CompanyList = listOf(Company).meta({ id: "CompanyList" });
export type CompanyList = z.infer<typeof CompanyList>;

export const companySortFields = ["name", "domain", "industry", "employeeCount", "annualRevenue", "createdAt", "updatedAt"] as const;
export const companyFilterFields = [
  "name",
  "domain",
  "industry",
  "employeeCount",
  "annualRevenue",
  "ownerId",
  "tags",
  "externalId",
  "createdAt",
  "updatedAt",
] as const;
