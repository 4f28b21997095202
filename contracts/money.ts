/**
 * Document money math, shared by the server (what is stored) and the web app (live totals), so
 * the editor shows exactly what the quote will hold. Amounts are integer minor units of an ISO
 * 4217 currency; quantities and percents are decimals with up to 4 places. All math runs in
 * BigInt on scaled integers, so no float rounding ever reaches a total.
 */

/**
 * ISO 4217 exponents where ICU's answer is not the standard one (ICU gives the cash or
 * customary digits: HUF 0, IQD 0, …) or where the exponent is not 2. Others come from Intl.
 */
const isoExponents: Record<string, number> = {
  ...Object.fromEntries("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split(" ").map((code) => [code, 0])),
  ...Object.fromEntries("BHD IQD JOD KWD LYD OMR TND".split(" ").map((code) => [code, 3])),
  CLF: 4,
  UYW: 4,
  ...Object.fromEntries("AFN ALL COP HUF IDR IRR KPW LAK LBP MGA MMK PKR SLL SLE SOS SYP YER".split(" ").map((code) => [code, 2])),
};

/** How many decimal places the currency's minor unit has: JPY 0, EUR 2, KWD 3. */
export function currencyExponent(currency: string): number {
  const known = isoExponents[currency];
  if (known !== undefined) return known;
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Places kept for quantities and percents. */
export const decimalPlaces = 4;
const scale = 10n ** BigInt(decimalPlaces);
const percentScale = scale * 100n;
const maxAmount = BigInt(Number.MAX_SAFE_INTEGER);

/** A decimal with up to 4 places ("2.5", 2.5, "19") → its value × 10^4 as a BigInt; null when it has more places or is not a number. */
export function parseScaledDecimal(value: string | number): bigint | null {
  const text = typeof value === "number" ? (Number.isFinite(value) ? numberToPlainString(value) : "") : value.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const fraction = (match[3] ?? "").replace(/0+$/, "");
  if (fraction.length > decimalPlaces) return null;
  const scaled = BigInt(match[2]) * scale + BigInt(fraction.padEnd(decimalPlaces, "0") || "0");
  return match[1] ? -scaled : scaled;
}

function numberToPlainString(value: number): string {
  // toFixed avoids exponent notation; 10 places is enough to reveal a fifth decimal.
  return Math.abs(value) < 1e21 ? value.toFixed(10).replace(/\.?0+$/, "") : String(value);
}

/** A scaled decimal back to its shortest text: 25000n → "2.5". */
export function formatScaledDecimal(scaled: bigint): string {
  const sign = scaled < 0n ? "-" : "";
  const absolute = scaled < 0n ? -scaled : scaled;
  const whole = absolute / scale;
  const fraction = (absolute % scale).toString().padStart(decimalPlaces, "0").replace(/0+$/, "");
  return `${sign}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** numerator / denominator rounded half away from zero (half-up for the non-negative amounts documents hold). */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  const isNegative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (n * 2n + d) / (d * 2n);
  return isNegative ? -rounded : rounded;
}

export interface LineInput {
  /** Decimal, up to 4 places. */
  quantity: string | number;
  /** Integer minor units. */
  unitPrice: number;
  /** Percent of the line's gross, up to 4 places. */
  discountPercent?: string | number;
  /** Percent of the line's net, up to 4 places. */
  taxRate?: string | number;
}

export interface LineAmounts {
  gross: number;
  discount: number;
  net: number;
  tax: number;
  total: number;
}

export interface DocumentTotals {
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
}

/** A field of a line that cannot be computed: its name (relative to the line) and why. */
export class MoneyError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field} ${reason}`);
  }
}

function decimalOf(value: string | number | undefined, field: string): bigint {
  if (value === undefined) return 0n;
  const scaled = parseScaledDecimal(value);
  if (scaled === null) throw new MoneyError(field, `must be a number with at most ${decimalPlaces} decimal places`);
  return scaled;
}

function checked(amount: bigint, field: string): number {
  if (amount > maxAmount || amount < -maxAmount) throw new MoneyError(field, "makes an amount too large to store (over 2^53 minor units)");
  return Number(amount);
}

/**
 * One line: gross = quantity × unit price; discount = gross × discount%; net = gross − discount;
 * tax = net × tax%; each rounded half-up to the minor unit; total = net + tax.
 * Overflow names the input that caused it (`quantity` or `unitPrice` for the line's gross).
 */
export function computeLine(line: LineInput): LineAmounts {
  const quantity = decimalOf(line.quantity, "quantity");
  const discountPercent = decimalOf(line.discountPercent, "discountPercent");
  const taxRate = decimalOf(line.taxRate, "taxRate");
  if (!Number.isSafeInteger(line.unitPrice)) throw new MoneyError("unitPrice", "must be an integer in minor units no larger than 2^53");
  const gross = divideRoundHalfUp(quantity * BigInt(line.unitPrice), scale);
  const discount = divideRoundHalfUp(gross * discountPercent, percentScale);
  const net = gross - discount;
  const tax = divideRoundHalfUp(net * taxRate, percentScale);
  const grossField = quantity > scale ? "quantity" : "unitPrice";
  return {
    gross: checked(gross, grossField),
    discount: checked(discount, "discountPercent"),
    net: checked(net, grossField),
    tax: checked(tax, "taxRate"),
    total: checked(net + tax, grossField),
  };
}

/** Sums of the rounded lines; a sum too large names `lines` (the whole document is too big). */
export function sumLines(lines: LineAmounts[]): DocumentTotals {
  const sum = (pick: (line: LineAmounts) => number) => checked(lines.reduce((total, line) => total + BigInt(pick(line)), 0n), "lines");
  return { subtotal: sum((line) => line.gross), discountTotal: sum((line) => line.discount), taxTotal: sum((line) => line.tax), total: sum((line) => line.total) };
}

/** Each line's amounts and the document's totals; a MoneyError's field is prefixed with `lines.<index>.`. */
export function computeDocument<T extends LineInput>(lines: T[]): { lines: (T & LineAmounts)[]; totals: DocumentTotals } {
  const computed = lines.map((line, index) => {
    try {
      return { ...line, ...computeLine(line) };
    } catch (error) {
      if (error instanceof MoneyError) throw new MoneyError(`lines.${index}.${error.field}`, error.reason);
      throw error;
    }
  });
  return { lines: computed, totals: sumLines(computed) };
}

/** Minor units → a decimal string in major units: (123456, "KWD") → "123.456". */
export function minorToDecimal(amount: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const value = BigInt(amount);
  const sign = value < 0n ? "-" : "";
  const absolute = value < 0n ? -value : value;
  if (exponent === 0) return `${sign}${absolute}`;
  const divisor = 10n ** BigInt(exponent);
  return `${sign}${absolute / divisor}.${(absolute % divisor).toString().padStart(exponent, "0")}`;
}

/** A decimal in major units ("12.5") → minor units of the currency; null when it has more places than the currency. */
export function decimalToMinor(value: string, currency: string): number | null {
  const exponent = currencyExponent(currency);
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(value.trim());
  if (!match) return null;
  const fraction = (match[3] ?? "").replace(/0+$/, "");
  if (fraction.length > exponent) return null;
  const minor = BigInt(match[2]) * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, "0") || "0");
  if (minor > maxAmount) return null;
  return Number(match[1] ? -minor : minor);
}

/** Minor units formatted for people, exact (no float): (123456, "KWD", "en") → "KWD 123.456". */
export function formatMoney(amount: number, currency: string, locale = "en"): string {
  const exponent = currencyExponent(currency);
  const decimal = minorToDecimal(amount, currency);
  try {
    // Intl formats a decimal string exactly (no float) since ES2023's string input.
    return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent }).format(decimal as unknown as number);
  } catch {
    return `${currency} ${decimal}`;
  }
}
