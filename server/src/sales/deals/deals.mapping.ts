import type { z } from "zod";
import type { CreateDealInput, Deal, UpdateDealInput } from "../../../../contracts/index.js";
import { iso, isoOrNull } from "../../platform/http/iso.js";
import { invalidField } from "../../platform/http/app-error.js";
import type { DealPerson, DealRecord, DealRow } from "./deals.repository.js";

export type NewDeal = z.output<typeof CreateDealInput>;
export type DealChanges = z.output<typeof UpdateDealInput>;
export type DealContacts = { id: string; name: string; email: string | null; role: string | null }[];

export function toDeal(row: DealRow, people: DealContacts): Deal {
  const { deal } = row;
  return {
    id: deal.id,
    name: deal.name,
    amount: Number(deal.amount),
    currency: deal.currency,
    pipelineId: deal.pipelineId,
    stageId: deal.stageId,
    stage: { id: deal.stageId, name: row.stageName, kind: deal.stageKind, probability: row.stageProbability },
    stageEnteredAt: iso(deal.stageEnteredAt),
    closeDate: deal.closeDate,
    closedAt: isoOrNull(deal.closedAt),
    ownerId: deal.ownerId,
    owner: deal.ownerId && row.ownerName !== null ? { id: deal.ownerId, name: row.ownerName, email: row.ownerEmail ?? "" } : null,
    companyId: deal.companyId,
    company: deal.companyId && row.companyName !== null ? { id: deal.companyId, name: row.companyName } : null,
    contactIds: people.map((person) => person.id),
    contacts: people,
    forecastCategory: deal.forecastCategory,
    lostReason: deal.lostReason,
    nextStep: deal.nextStep,
    source: deal.source,
    lastActivityAt: isoOrNull(deal.lastActivityAt),
    custom: deal.custom,
    externalId: deal.externalId,
    createdAt: iso(deal.createdAt),
    updatedAt: iso(deal.updatedAt),
    createdBy: deal.createdBy,
    deletedAt: isoOrNull(deal.deletedAt),
  };
}

/**
 * The people on a deal from `contactIds` and/or `contacts` (with roles); undefined when neither
 * is sent. Each person once, the bad one named by its path.
 */
export function peopleOf(input: Pick<NewDeal, "contactIds" | "contacts">): (DealPerson & { path: string })[] | undefined {
  if (input.contactIds === undefined && input.contacts === undefined) return undefined;
  const people = [
    ...(input.contacts ?? []).map((person, index) => ({ contactId: person.contactId, role: person.role ?? null, path: `body.contacts.${index}.contactId` })),
    ...(input.contactIds ?? []).map((contactId, index) => ({ contactId, role: null, path: `body.contactIds.${index}` })),
  ];
  const seen = new Set<string>();
  for (const person of people) {
    if (seen.has(person.contactId)) throw invalidField(person.path, "names a contact already on the deal");
    seen.add(person.contactId);
  }
  return people;
}

/** The audited view of a deal: its stored fields and its people. */
export function snapshot(deal: DealRecord, people: DealContacts): Record<string, unknown> {
  return { ...deal, contacts: people.map((person) => ({ contactId: person.id, role: person.role })) };
}
