import type { Contact, CreateContactInput, LeadStatus } from "@contracts";

export type ContactFormValues = {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  jobTitle: string;
  companyId: string;
  ownerId: string;
  lifecycleStage: string;
  leadStatus: string;
  source: string;
  tags: string[];
  birthday: string;
  street: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  notes: string;
};

export const emptyContactValues: ContactFormValues = {
  firstName: "",
  lastName: "",
  email: "",
  phone: "",
  jobTitle: "",
  companyId: "",
  ownerId: "",
  lifecycleStage: "",
  leadStatus: "",
  source: "",
  tags: [],
  birthday: "",
  street: "",
  city: "",
  region: "",
  postalCode: "",
  country: "",
  notes: "",
};

const addressFields = ["street", "city", "region", "postalCode", "country"] as const;

export function contactToValues(contact: Contact): ContactFormValues {
  const primaryEmail = contact.emails.find((entry) => entry.primary) ?? contact.emails[0];
  // phones are absent when the workspace hides them from this role.
  const primaryPhone = contact.phones?.find((entry) => entry.primary) ?? contact.phones?.[0];
  return {
    firstName: contact.firstName,
    lastName: contact.lastName ?? "",
    email: primaryEmail?.address ?? "",
    phone: primaryPhone?.number ?? "",
    jobTitle: contact.jobTitle ?? "",
    companyId: contact.companyId ?? "",
    ownerId: contact.ownerId ?? "",
    lifecycleStage: contact.lifecycleStage,
    leadStatus: contact.leadStatus ?? "",
    source: contact.source ?? "",
    tags: contact.tags,
    birthday: contact.birthday ?? "",
    street: contact.address?.street ?? "",
    city: contact.address?.city ?? "",
    region: contact.address?.region ?? "",
    postalCode: contact.address?.postalCode ?? "",
    country: contact.address?.country ?? "",
    notes: contact.notes ?? "",
  };
}

const orNull = (value: string) => (value.trim() === "" ? null : value);

/**
 * The form edits the primary e-mail and phone; on edit, the contact's other e-mails and
 * phones are kept as they were.
 */
export function toContactInput(values: ContactFormValues, original?: Contact): CreateContactInput {
  const otherEmails = (original?.emails ?? []).filter((entry) => !entry.primary).map((entry) => ({ address: entry.address, primary: false }));
  const otherPhones = (original?.phones ?? []).filter((entry) => !entry.primary).map((entry) => ({ number: entry.number, label: entry.label, primary: false }));
  const primaryPhoneLabel = original?.phones?.find((entry) => entry.primary)?.label;
  const address = Object.fromEntries(addressFields.filter((field) => values[field].trim() !== "").map((field) => [field, values[field]]));
  return {
    firstName: values.firstName,
    lastName: orNull(values.lastName),
    emails: [...(values.email.trim() ? [{ address: values.email, primary: true }] : []), ...otherEmails.filter((entry) => entry.address !== values.email.trim().toLowerCase())],
    phones: [...(values.phone.trim() ? [{ number: values.phone, primary: true, ...(primaryPhoneLabel ? { label: primaryPhoneLabel } : {}) }] : []), ...otherPhones],
    jobTitle: orNull(values.jobTitle),
    companyId: orNull(values.companyId),
    ownerId: orNull(values.ownerId),
    ...(values.lifecycleStage ? { lifecycleStage: values.lifecycleStage as CreateContactInput["lifecycleStage"] } : {}),
    // Left empty on a new contact, the server picks it ("new" for a lead); cleared on an edit, it is removed.
    ...(values.leadStatus ? { leadStatus: values.leadStatus as LeadStatus } : original?.leadStatus ? { leadStatus: null } : {}),
    source: orNull(values.source),
    tags: values.tags,
    birthday: orNull(values.birthday),
    address: Object.keys(address).length ? address : null,
    notes: orNull(values.notes),
  };
}

/** Issue paths from zod or the server, mapped to the form's fields. */
export function contactFieldForPath(path: string): string {
  if (path.startsWith("emails")) return "email";
  if (path.startsWith("phones")) return "phone";
  if (path.startsWith("address.")) return path.slice("address.".length);
  if (path.startsWith("tags")) return "tags";
  return path;
}
