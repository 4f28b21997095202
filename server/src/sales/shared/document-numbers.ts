import { sql } from "drizzle-orm";
import type { Transaction } from "../../db/workspace-transaction.js";
import { documentNumbers } from "./document-numbers.schema.js";

export type DocumentKind = (typeof documentNumbers.$inferSelect)["kind"];

/**
 * The next number of a kind of document in the workspace. The upsert takes the counter row's lock
 * until the transaction ends, so numbers are gap-free: a rolled-back document gives its number back.
 */
export async function nextDocumentNumber(tx: Transaction, workspaceId: string, kind: DocumentKind): Promise<number> {
  const [row] = await tx
    .insert(documentNumbers)
    .values({ workspaceId, kind, lastNumber: 1 })
    .onConflictDoUpdate({ target: [documentNumbers.workspaceId, documentNumbers.kind], set: { lastNumber: sql`${documentNumbers.lastNumber} + 1` } })
    .returning({ lastNumber: documentNumbers.lastNumber });
  return row.lastNumber;
}
