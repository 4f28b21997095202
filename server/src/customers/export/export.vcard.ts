import type { Contact } from "../../../../contracts/index.js";

/**
 * vCard 4.0 (RFC 6350) for one contact. Text values escape backslash, comma, semicolon and
 * newlines (3.4); lines longer than 75 octets are folded with CRLF + space (3.2), never inside
 * a UTF-8 character. Fields the caller may not read are absent from the contact and so from the card.
 */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/,/g, "\\,").replace(/;/g, "\\;").replace(/\r\n|\r|\n/g, "\\n");
}

export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character);
    // The first line holds 75 octets; continuation lines start with a space, leaving 74.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** BDAY in the basic format RFC 6350 4.3.1 uses (YYYYMMDD). */
function basicDate(date: string): string {
  return date.replace(/-/g, "");
}

export function contactVCard(contact: Contact): string {
  const lines = ["BEGIN:VCARD", "VERSION:4.0"];
  const fullName = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
  lines.push(`FN:${escapeText(fullName)}`);
  lines.push(`N:${escapeText(contact.lastName ?? "")};${escapeText(contact.firstName)};;;`);
  for (const email of contact.emails) lines.push(`EMAIL${email.primary ? ";PREF=1" : ""}:${escapeText(email.address)}`);
  for (const phone of contact.phones ?? []) {
    const type = phone.label ? `;TYPE="${phone.label.replace(/["\\\r\n]/g, "")}"` : "";
    lines.push(`TEL;VALUE=uri${phone.primary ? ";PREF=1" : ""}${type}:tel:${phone.number}`);
  }
  if (contact.company) lines.push(`ORG:${escapeText(contact.company.name)}`);
  if (contact.jobTitle) lines.push(`TITLE:${escapeText(contact.jobTitle)}`);
  if (contact.birthday) lines.push(`BDAY:${basicDate(contact.birthday)}`);
  if (contact.address) {
    const { street, city, region, postalCode, country } = contact.address;
    lines.push(`ADR:;;${[street, city, region, postalCode, country].map((part) => escapeText(part ?? "")).join(";")}`);
  }
  if (contact.notes) lines.push(`NOTE:${escapeText(contact.notes)}`);
  lines.push(`UID:urn:uuid:${contact.id}`, `REV:${contact.updatedAt.replace(/[-:]/g, "").replace(/\.\d+/, "")}`, "END:VCARD");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
