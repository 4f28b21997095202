import { currencyExponent } from "../../../../contracts/money.js";

/** What money conversion needs: the workspace currency and its rates (units of it per unit of another currency). */
export interface CurrencyRates {
  defaultCurrency: string;
  rates: ReadonlyMap<string, string>;
}

const rateScale = 10n ** 10n;

function scaledRate(rate: string): bigint {
  const [whole, fraction = ""] = rate.split(".");
  return BigInt(whole!) * rateScale + BigInt(fraction.padEnd(10, "0").slice(0, 10));
}

/**
 * An amount in minor units of `currency` expressed in minor units of the workspace currency,
 * rounded half-up; null when the admin has set no rate for that currency. Exact in BigInt, and
 * aware of each currency's exponent (1,000 JPY → 6.21 USD is 621 cents, not 62,100).
 */
export function convertToWorkspaceCurrency(amount: number, currency: string, settings: CurrencyRates): number | null {
  if (currency === settings.defaultCurrency) return amount;
  const rate = settings.rates.get(currency);
  if (rate === undefined) return null;
  const numerator = BigInt(amount) * scaledRate(rate) * 10n ** BigInt(currencyExponent(settings.defaultCurrency));
  const denominator = rateScale * 10n ** BigInt(currencyExponent(currency));
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}
