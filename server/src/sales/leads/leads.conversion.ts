import type { z } from "zod";
import type { ConvertedLead, ConvertLeadInput, CreateDealInput, Deal } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import type { Caller } from "../../platform/auth/caller.js";
import { assertLiveCompany, changeContact, createNamedCompany, loadContactForChange } from "../../customers/index.js";

/** Opens a deal inside the caller's transaction (sales/deals), with its stage history and step tasks. */
export type OpenDeal = (tx: Transaction, caller: Caller, input: z.output<typeof CreateDealInput>) => Promise<Deal>;

/**
 * Converting a lead: in one transaction the contact becomes an opportunity (lead status
 * qualified) and a deal opens with the contact on it, linked to a company — the one given, the
 * contact's own, or a new one named companyName. Any refusal leaves nothing written.
 */
export function createLeadConversionService({ db, openDeal }: { db: Database; openDeal: OpenDeal }) {
  async function companyFor(tx: Transaction, caller: Caller, contactCompanyId: string | null, input: z.output<typeof ConvertLeadInput>): Promise<string | null> {
    if (input.companyId) {
      await assertLiveCompany(tx, caller.workspaceId, input.companyId, "body.companyId");
      return input.companyId;
    }
    if (contactCompanyId) return contactCompanyId;
    return input.companyName ? createNamedCompany(tx, caller, input.companyName) : null;
  }

  return {
    convert: (caller: Caller, contactId: string, input: z.output<typeof ConvertLeadInput>): Promise<ConvertedLead> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const contact = await loadContactForChange(tx, caller, contactId);
        const companyId = await companyFor(tx, caller, contact.companyId, input);
        const deal = await openDeal(tx, caller, {
          name: input.dealName,
          amount: input.amount,
          currency: input.currency,
          pipelineId: input.pipelineId,
          closeDate: input.closeDate ?? null,
          companyId,
          ownerId: contact.ownerId ?? caller.userId,
          contactIds: [contact.id],
          source: contact.source,
        });
        const converted = await changeContact(tx, caller, contact, { lifecycleStage: "opportunity", leadStatus: "qualified", companyId: contact.companyId ?? companyId });
        return { contact: converted, deal };
      }),
  };
}

export type LeadConversionService = ReturnType<typeof createLeadConversionService>;
