import type { CreateDealInput, Deal, ForecastCategory, UpdateDealInput } from "@contracts";
import { minorUnitDigits } from "../../i18n";

export type DealFormValues = {
  name: string;
  amount: string;
  currency: string;
  pipelineId: string;
  stageId: string;
  closeDate: string;
  ownerId: string;
  companyId: string;
  contactIds: string[];
  forecastCategory: string;
  nextStep: string;
  source: string;
  lostReason: string;
};

export const forecastCategories: ForecastCategory[] = ["pipeline", "best_case", "commit", "omitted"];

export function emptyDealValues(defaults: { ownerId: string; currency: string; pipelineId?: string }): DealFormValues {
  return {
    name: "",
    amount: "",
    currency: defaults.currency,
    pipelineId: defaults.pipelineId ?? "",
    stageId: "",
    closeDate: "",
    ownerId: defaults.ownerId,
    companyId: "",
    contactIds: [],
    forecastCategory: "pipeline",
    nextStep: "",
    source: "",
    lostReason: "",
  };
}

export function dealToValues(deal: Deal): DealFormValues {
  return {
    name: deal.name,
    amount: String(deal.amount / 10 ** minorUnitDigits(deal.currency)),
    currency: deal.currency,
    pipelineId: deal.pipelineId,
    stageId: deal.stageId,
    closeDate: deal.closeDate ?? "",
    ownerId: deal.ownerId ?? "",
    companyId: deal.companyId ?? "",
    contactIds: deal.contactIds,
    forecastCategory: deal.forecastCategory,
    nextStep: deal.nextStep ?? "",
    source: deal.source ?? "",
    lostReason: deal.lostReason ?? "",
  };
}

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());
const orUndefined = (value: string) => (value.trim() === "" ? undefined : value);

/** The form edits the amount in major units (dollars); the API takes minor units (cents). A non-number stays NaN so the contract names it. */
function toMinorUnits(amount: string, currency: string): number {
  const trimmed = amount.trim().replace(/,/g, "");
  if (trimmed === "") return 0;
  const value = Number(trimmed);
  return Number.isNaN(value) ? value : Math.round(value * 10 ** minorUnitDigits(currency));
}

/** Contacts go as `{contactId, role}` so the people's roles in the deal are kept. */
function toContacts(values: DealFormValues, roles: Record<string, string>) {
  return values.contactIds.map((contactId) => ({ contactId, role: orNull(roles[contactId] ?? "") }));
}

export function toCreateDealInput(values: DealFormValues, roles: Record<string, string> = {}): CreateDealInput {
  const currency = values.currency.trim().toUpperCase();
  return {
    name: values.name,
    amount: toMinorUnits(values.amount, currency),
    currency,
    pipelineId: orUndefined(values.pipelineId),
    stageId: orUndefined(values.stageId),
    closeDate: orNull(values.closeDate),
    ownerId: orNull(values.ownerId),
    companyId: orNull(values.companyId),
    contacts: toContacts(values, roles),
    forecastCategory: values.forecastCategory as ForecastCategory,
    nextStep: orNull(values.nextStep),
    source: orNull(values.source),
  };
}

/** The edit form leaves the stage alone: stage moves go through the stage bar and its checks. */
export function toUpdateDealInput(values: DealFormValues, roles: Record<string, string>): UpdateDealInput {
  const currency = values.currency.trim().toUpperCase();
  return {
    name: values.name,
    amount: toMinorUnits(values.amount, currency),
    currency,
    closeDate: orNull(values.closeDate),
    ownerId: orNull(values.ownerId),
    companyId: orNull(values.companyId),
    contacts: toContacts(values, roles),
    forecastCategory: values.forecastCategory as ForecastCategory,
    nextStep: orNull(values.nextStep),
    source: orNull(values.source),
    lostReason: orNull(values.lostReason),
  };
}

export function dealFieldForPath(path: string): string {
  if (path.startsWith("contacts") || path.startsWith("contactIds")) return "contactIds";
  return path.split(".")[0];
}
