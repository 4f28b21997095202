import { and, eq, notInArray, sql } from "drizzle-orm";
import type { Transaction } from "../../db/workspace-transaction.js";
import { exchangeRates, salesSettings } from "./sales-settings.schema.js";

export async function findSettings(tx: Transaction, workspaceId: string) {
  const [row] = await tx.select().from(salesSettings).where(eq(salesSettings.workspaceId, workspaceId));
  return row ?? null;
}

export function listRates(tx: Transaction, workspaceId: string) {
  return tx.select().from(exchangeRates).where(eq(exchangeRates.workspaceId, workspaceId)).orderBy(exchangeRates.currency);
}

export async function upsertSettings(tx: Transaction, workspaceId: string, changes: { defaultCurrency?: string; staleDealDays?: number }) {
  await tx
    .insert(salesSettings)
    .values({ workspaceId, ...changes })
    .onConflictDoUpdate({ target: salesSettings.workspaceId, set: { ...changes, updatedAt: sql`now()` } });
}

/** Makes the stored rates exactly `rates`: changed ones updated, new ones added, missing ones removed. */
export async function replaceRates(tx: Transaction, workspaceId: string, rates: Array<{ currency: string; rate: string }>) {
  const currencies = rates.map((rate) => rate.currency);
  await tx
    .delete(exchangeRates)
    .where(currencies.length ? and(eq(exchangeRates.workspaceId, workspaceId), notInArray(exchangeRates.currency, currencies)) : eq(exchangeRates.workspaceId, workspaceId));
  if (!rates.length) return;
  await tx
    .insert(exchangeRates)
    .values(rates.map((rate) => ({ workspaceId, ...rate })))
    .onConflictDoUpdate({
      target: [exchangeRates.workspaceId, exchangeRates.currency],
      set: { rate: sql`excluded.rate`, updatedAt: sql`case when ${exchangeRates.rate} = excluded.rate then ${exchangeRates.updatedAt} else now() end` },
    });
}
