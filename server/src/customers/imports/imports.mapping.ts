import { importFields, type CustomFieldRule, type ImportMapping, type ImportObject } from "../../../../contracts/index.js";
import type { FieldError } from "../../platform/http/app-error.js";

/** Header spellings each field is recognised by, compared without case, spaces and punctuation. */
const synonyms: Record<string, string[]> = {
  firstName: ["firstname", "first", "givenname", "forename", "vorname", "prenom", "名"],
  lastName: ["lastname", "last", "surname", "familyname", "nachname", "nom", "姓"],
  fullName: ["name", "fullname", "contactname", "contact", "姓名"],
  email: ["email", "emailaddress", "mail", "primaryemail", "emailadresse", "邮箱", "电子邮件"],
  phone: ["phone", "phonenumber", "telephone", "tel", "mobile", "mobilephone", "cell", "telefon", "电话", "手机"],
  jobTitle: ["jobtitle", "title", "position", "role", "职位"],
  lifecycleStage: ["lifecyclestage", "stage", "lifecycle"],
  source: ["source", "leadsource"],
  tags: ["tags", "tag", "labels"],
  birthday: ["birthday", "birthdate", "dateofbirth", "dob"],
  notes: ["notes", "note", "comment", "comments", "description"],
  externalId: ["externalid", "id", "erpid", "customerid", "customernumber"],
  companyName: ["company", "companyname", "organization", "organisation", "account", "accountname", "firma", "公司"],
  companyDomain: ["companydomain", "website", "companywebsite", "domain", "url"],
  name: ["name", "company", "companyname", "organization", "organisation", "account", "accountname", "公司"],
  domain: ["domain", "website", "url", "web"],
  industry: ["industry", "sector", "行业"],
  employeeCount: ["employeecount", "employees", "numberofemployees", "headcount", "size"],
  annualRevenue: ["annualrevenue", "revenue"],
  annualRevenueCurrency: ["annualrevenuecurrency", "currency", "revenuecurrency"],
  "address.street": ["street", "address", "streetaddress", "address1", "addressline1"],
  "address.city": ["city", "town", "ort", "城市"],
  "address.region": ["region", "state", "province", "county"],
  "address.postalCode": ["postalcode", "postcode", "zip", "zipcode", "plz"],
  "address.country": ["country", "land", "国家"],
};

const normalise = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

const labels: Record<string, string> = {
  firstName: "First name",
  lastName: "Last name",
  fullName: "Full name (split into first and last)",
  email: "E-mail (primary)",
  phone: "Phone (primary)",
  jobTitle: "Job title",
  lifecycleStage: "Lifecycle stage",
  source: "Source",
  tags: "Tags",
  birthday: "Birthday",
  notes: "Notes",
  externalId: "External ID",
  companyName: "Company name",
  companyDomain: "Company domain",
  name: "Name",
  domain: "Domain",
  industry: "Industry",
  employeeCount: "Employees",
  annualRevenue: "Annual revenue",
  annualRevenueCurrency: "Annual revenue currency",
  "address.street": "Street",
  "address.city": "City",
  "address.region": "Region",
  "address.postalCode": "Postal code",
  "address.country": "Country",
};

/** The record field a path writes, as field permissions name it: `phone` → phones, `address.city` → address. */
export function recordFieldOf(path: string): string {
  if (path === "phone") return "phones";
  if (path === "email") return "emails";
  if (path.startsWith("address.")) return "address";
  if (path === "annualRevenueCurrency") return "annualRevenue";
  return path;
}

/** Every field a column may fill, built-in first, then the workspace's (unarchived) custom fields; none the caller may not change. */
export function importableFields(object: ImportObject, customFields: CustomFieldRule[], hidden: ReadonlySet<string> = new Set()): { path: string; label: string }[] {
  return [
    ...importFields[object].filter((path) => !hidden.has(recordFieldOf(path))).map((path) => ({ path, label: labels[path] ?? path })),
    ...customFields.filter((field) => !field.archived).map((field) => ({ path: `custom.${field.key}`, label: field.label ?? field.key })),
  ];
}

/**
 * The automatic mapping: each header to the field it names (a custom field by key or label),
 * each field at most once, the first header that names it winning; others stay unmapped ("").
 */
export function suggestMapping(headers: string[], object: ImportObject, customFields: CustomFieldRule[], hidden: ReadonlySet<string> = new Set()): ImportMapping {
  const byName = new Map<string, string>();
  for (const field of customFields.filter((rule) => !rule.archived)) {
    byName.set(normalise(field.key), `custom.${field.key}`);
    if (field.label) byName.set(normalise(field.label), `custom.${field.key}`);
  }
  for (const path of importFields[object]) {
    if (hidden.has(recordFieldOf(path))) continue;
    for (const name of [normalise(path), ...(synonyms[path] ?? [])]) if (!byName.has(name)) byName.set(name, path);
  }
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  for (const header of headers) {
    const path = byName.get(normalise(header));
    if (path && !used.has(path)) {
      mapping[header] = path;
      used.add(path);
    } else {
      mapping[header] = "";
    }
  }
  return mapping;
}

/** The mapping sent merged over the automatic one, checked: known headers, known fields, each field once. */
export function resolveMapping(
  headers: string[],
  object: ImportObject,
  customFields: CustomFieldRule[],
  sent: ImportMapping | undefined,
  hidden: ReadonlySet<string> = new Set(),
): { mapping: ImportMapping; errors: FieldError[] } {
  const mapping = { ...suggestMapping(headers, object, customFields, hidden) };
  const known = new Set(importableFields(object, customFields).map((field) => field.path));
  const errors: FieldError[] = [];
  for (const [header, path] of Object.entries(sent ?? {})) {
    if (!headers.includes(header)) errors.push({ path: `mapping.${header}`, message: "is not a column of the file" });
    else if (path !== "" && hidden.has(recordFieldOf(path))) errors.push({ path: `mapping.${header}`, message: `fills ${recordFieldOf(path)}, a field your role may not change` });
    else if (path !== "" && !known.has(path)) errors.push({ path: `mapping.${header}`, message: `"${path}" is not a field a ${object} column can fill` });
    else mapping[header] = path;
  }
  // A field named by the sent mapping is taken from the automatic one's column.
  const sentPaths = new Set(Object.values(sent ?? {}).filter(Boolean));
  for (const header of headers) if (!(sent && header in sent) && sentPaths.has(mapping[header])) mapping[header] = "";
  const seen = new Map<string, string>();
  for (const header of headers) {
    const path = mapping[header];
    if (!path) continue;
    const other = seen.get(path);
    if (other !== undefined) errors.push({ path: `mapping.${header}`, message: `maps to ${path}, like column "${other}"` });
    seen.set(path, header);
  }
  const paths = new Set(Object.values(mapping));
  if (object === "contact" && !paths.has("firstName") && !paths.has("fullName")) errors.push({ path: "mapping", message: "needs a column for firstName (or fullName)" });
  if (object === "company" && !paths.has("name")) errors.push({ path: "mapping", message: "needs a column for name" });
  return { mapping, errors };
}
