import type { Company, CreateCompanyInput } from "@contracts";
import { minorUnitDigits } from "../../i18n";

export type CompanyFormValues = {
  name: string;
  domain: string;
  industry: string;
  employeeCount: string;
  revenueAmount: string;
  revenueCurrency: string;
  ownerId: string;
  tags: string[];
  street: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
};

export const emptyCompanyValues: CompanyFormValues = {
  name: "",
  domain: "",
  industry: "",
  employeeCount: "",
  revenueAmount: "",
  revenueCurrency: "USD",
  ownerId: "",
  tags: [],
  street: "",
  city: "",
  region: "",
  postalCode: "",
  country: "",
};

const addressFields = ["street", "city", "region", "postalCode", "country"] as const;

export function companyToValues(company: Company): CompanyFormValues {
  const revenue = company.annualRevenue;
  return {
    name: company.name,
    domain: company.domain ?? "",
    industry: company.industry ?? "",
    employeeCount: company.employeeCount === null ? "" : String(company.employeeCount),
    revenueAmount: revenue ? String(revenue.amount / 10 ** minorUnitDigits(revenue.currency)) : "",
    revenueCurrency: revenue?.currency ?? "USD",
    ownerId: company.ownerId ?? "",
    tags: company.tags,
    street: company.address?.street ?? "",
    city: company.address?.city ?? "",
    region: company.address?.region ?? "",
    postalCode: company.address?.postalCode ?? "",
    country: company.address?.country ?? "",
  };
}

const orNull = (value: string) => (value.trim() === "" ? null : value);

/** Numbers stay numbers only when they parse, so the contract reports what is wrong. */
function toNumber(value: string): number | null {
  const trimmed = value.trim().replace(/,/g, "");
  if (trimmed === "") return null;
  return Number(trimmed);
}

/** The form edits revenue in major units (dollars); the API stores minor units (cents). */
export function toCompanyInput(values: CompanyFormValues): CreateCompanyInput {
  const amount = toNumber(values.revenueAmount);
  const currency = values.revenueCurrency.trim().toUpperCase();
  const address = Object.fromEntries(addressFields.filter((field) => values[field].trim() !== "").map((field) => [field, values[field]]));
  return {
    name: values.name,
    domain: orNull(values.domain),
    industry: orNull(values.industry),
    employeeCount: toNumber(values.employeeCount),
    annualRevenue: amount === null ? null : { amount: Math.round(amount * 10 ** minorUnitDigits(currency)), currency },
    ownerId: orNull(values.ownerId),
    tags: values.tags,
    address: Object.keys(address).length ? address : null,
  };
}

export function companyFieldForPath(path: string): string {
  if (path.startsWith("annualRevenue.currency")) return "revenueCurrency";
  if (path.startsWith("annualRevenue")) return "revenueAmount";
  if (path.startsWith("address.")) return path.slice("address.".length);
  if (path.startsWith("tags")) return "tags";
  return path;
}
