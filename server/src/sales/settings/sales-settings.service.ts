import type { SalesSettings, UpdateSalesSettingsInput } from "../../../../contracts/index.js";
import type { z } from "zod";
import type { Database } from "../../db/client.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { invalidField } from "../../platform/http/app-error.js";
import { iso } from "../../platform/http/iso.js";
import type { CurrencyRates } from "./currency-conversion.js";
import * as repository from "./sales-settings.repository.js";

type SettingsChanges = z.output<typeof UpdateSalesSettingsInput>;

export interface LoadedSalesSettings extends CurrencyRates {
  staleDealDays: number;
}

const defaults = { defaultCurrency: "USD", staleDealDays: 14 };

/** The workspace's sales currency, rates and alert thresholds; defaults until an admin saves any. */
export async function loadSalesSettings(tx: Transaction, workspaceId: string): Promise<LoadedSalesSettings> {
  const [settings, rates] = await Promise.all([repository.findSettings(tx, workspaceId), repository.listRates(tx, workspaceId)]);
  return {
    defaultCurrency: settings?.defaultCurrency ?? defaults.defaultCurrency,
    staleDealDays: settings?.staleDealDays ?? defaults.staleDealDays,
    rates: new Map(rates.map((rate) => [rate.currency, rate.rate])),
  };
}

async function describe(tx: Transaction, workspaceId: string): Promise<SalesSettings> {
  const [settings, rates] = await Promise.all([repository.findSettings(tx, workspaceId), repository.listRates(tx, workspaceId)]);
  return {
    defaultCurrency: settings?.defaultCurrency ?? defaults.defaultCurrency,
    staleDealDays: settings?.staleDealDays ?? defaults.staleDealDays,
    exchangeRates: rates.map((rate) => ({ currency: rate.currency, rate: rate.rate, updatedAt: iso(rate.updatedAt) })),
  };
}

export function createSalesSettingsService({ db }: { db: Database }) {
  return {
    get: (caller: Caller) => inWorkspace(db, caller.workspaceId, (tx) => describe(tx, caller.workspaceId)),

    update: (caller: Caller, changes: SettingsChanges) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const before = await describe(tx, caller.workspaceId);
        const defaultCurrency = changes.defaultCurrency ?? before.defaultCurrency;
        changes.exchangeRates?.forEach((rate, index) => {
          if (rate.currency === defaultCurrency) throw invalidField(`body.exchangeRates.${index}.currency`, "is the workspace currency itself; it needs no rate");
        });
        await repository.upsertSettings(tx, caller.workspaceId, { defaultCurrency: changes.defaultCurrency, staleDealDays: changes.staleDealDays });
        if (changes.exchangeRates) await repository.replaceRates(tx, caller.workspaceId, changes.exchangeRates);
        const after = await describe(tx, caller.workspaceId);
        await recordAudit(tx, caller, { entityType: "sales_settings", entityId: caller.workspaceId, action: "update", before, after });
        return after;
      }),
  };
}

export type SalesSettingsService = ReturnType<typeof createSalesSettingsService>;
