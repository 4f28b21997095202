import { and, asc, eq } from "drizzle-orm";
import type { ConsentChange, EmailConsent } from "../../../../contracts/index.js";
import { newId } from "../../db/ids.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import type { Caller } from "../../platform/auth/caller.js";
import { consentHistory } from "./privacy.schema.js";

/** Records one consent change; call it in the transaction that changes the contact's consent. */
export async function recordConsentChange(
  tx: Transaction,
  caller: Caller,
  change: { contactId: string; emailConsent: EmailConsent; previousEmailConsent: EmailConsent | null; source: string | null | undefined },
) {
  await tx.insert(consentHistory).values({
    workspaceId: caller.workspaceId,
    id: newId(),
    contactId: change.contactId,
    emailConsent: change.emailConsent,
    previousEmailConsent: change.previousEmailConsent,
    source: change.source ?? null,
    createdAt: new Date(),
    createdBy: caller.userId,
  });
}

/** A contact's consent changes, oldest first (ids are time-ordered, so they break ties). */
export async function listConsentHistory(tx: Transaction, workspaceId: string, contactId: string): Promise<ConsentChange[]> {
  const rows = await tx
    .select()
    .from(consentHistory)
    .where(and(eq(consentHistory.workspaceId, workspaceId), eq(consentHistory.contactId, contactId)))
    .orderBy(asc(consentHistory.createdAt), asc(consentHistory.id));
  return rows.map((row) => ({
    id: row.id,
    contactId: row.contactId,
    emailConsent: row.emailConsent,
    previousEmailConsent: row.previousEmailConsent,
    source: row.source,
    changedAt: row.createdAt.toISOString(),
    changedBy: row.createdBy,
  }));
}

/** Erasure keeps the consent transitions (no personal data) but drops where they came from. */
export async function clearConsentSources(tx: Transaction, workspaceId: string, contactId: string) {
  await tx.update(consentHistory).set({ source: null }).where(and(eq(consentHistory.workspaceId, workspaceId), eq(consentHistory.contactId, contactId)));
}
