import { and, eq, isNull } from "drizzle-orm";
import type { Transaction } from "../../db/workspace-transaction.js";
import { companies } from "../../customers/companies/companies.schema.js";
import { contacts } from "../../customers/contacts/contacts.schema.js";
import { invalidField } from "../../platform/http/app-error.js";
import { dealContacts, deals } from "../deals/deals.schema.js";

/**
 * What a quote, order or invoice needs to know about the records it points at, read straight from
 * their tables: the deal's owner and company, and that a contact or company exists in the workspace.
 */
export async function findLiveDeal(tx: Transaction, workspaceId: string, id: string) {
  const [deal] = await tx
    .select({ id: deals.id, name: deals.name, ownerId: deals.ownerId, companyId: deals.companyId, currency: deals.currency })
    .from(deals)
    .where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, id), isNull(deals.deletedAt)));
  return deal;
}

export async function assertDeal(tx: Transaction, workspaceId: string, id: string, path: string) {
  const deal = await findLiveDeal(tx, workspaceId, id);
  if (!deal) throw invalidField(path, "is not a deal of this workspace");
  return deal;
}

/** The deal's first contact: who an order from it is for when the quote names nobody. */
export async function firstDealContact(tx: Transaction, workspaceId: string, dealId: string): Promise<string | null> {
  const [row] = await tx.select({ contactId: dealContacts.contactId }).from(dealContacts).where(and(eq(dealContacts.workspaceId, workspaceId), eq(dealContacts.dealId, dealId))).limit(1);
  return row?.contactId ?? null;
}

export async function assertContact(tx: Transaction, workspaceId: string, id: string | null | undefined, path: string) {
  if (!id) return;
  const [row] = await tx.select({ id: contacts.id }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id), isNull(contacts.deletedAt)));
  if (!row) throw invalidField(path, "is not a contact of this workspace");
}

export async function assertCompany(tx: Transaction, workspaceId: string, id: string | null | undefined, path: string) {
  if (!id) return;
  const [row] = await tx.select({ id: companies.id }).from(companies).where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, id), isNull(companies.deletedAt)));
  if (!row) throw invalidField(path, "is not a company of this workspace");
}

/** The contact's company, for an order placed by a contact alone. */
export async function companyOfContact(tx: Transaction, workspaceId: string, contactId: string | null): Promise<string | null> {
  if (!contactId) return null;
  const [row] = await tx.select({ companyId: contacts.companyId }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  return row?.companyId ?? null;
}
