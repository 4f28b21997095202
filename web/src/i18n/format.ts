import i18next from "i18next";

export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(value.length === 10 ? `${value}T00:00:00` : value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString(i18next.language);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString(i18next.language, { dateStyle: "medium", timeStyle: "short" });
}

/** Money arrives in minor units (cents); shown in major units in the reader's locale. */
export function formatMoney(money: { amount: number; currency: string } | null | undefined): string {
  if (!money) return "";
  const digits = minorUnitDigits(money.currency);
  try {
    return new Intl.NumberFormat(i18next.language, { style: "currency", currency: money.currency }).format(money.amount / 10 ** digits);
  } catch {
    return `${(money.amount / 10 ** digits).toFixed(digits)} ${money.currency}`;
  }
}

export function minorUnitDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}
