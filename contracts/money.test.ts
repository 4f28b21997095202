import { describe, expect, it } from "vitest";
import { computeDocument, computeLine, currencyExponent, decimalToMinor, divideRoundHalfUp, formatMoney, formatScaledDecimal, minorToDecimal, MoneyError, parseScaledDecimal } from "./money.js";

describe("currency exponents", () => {
  it.each([
    ["JPY", 0], ["KRW", 0], ["CLP", 0], ["ISK", 0], ["VND", 0],
    ["EUR", 2], ["USD", 2], ["CNY", 2], ["GBP", 2], ["CHF", 2],
    ["KWD", 3], ["BHD", 3], ["OMR", 3], ["JOD", 3], ["TND", 3], ["IQD", 3],
    ["CLF", 4],
    // ICU answers 0 (cash digits) for these; ISO 4217 says 2.
    ["HUF", 2], ["IDR", 2], ["COP", 2], ["PKR", 2],
  ])("%s has %i decimal places", (currency, exponent) => {
    expect(currencyExponent(currency)).toBe(exponent);
  });
});

describe("scaled decimals", () => {
  it("reads up to four places from strings and numbers", () => {
    expect(parseScaledDecimal("2.5")).toBe(25000n);
    expect(parseScaledDecimal(2.5)).toBe(25000n);
    expect(parseScaledDecimal("0.0001")).toBe(1n);
    expect(parseScaledDecimal(1.23456)).toBeNull();
    expect(parseScaledDecimal("1.23450")).toBe(12345n);
    expect(parseScaledDecimal("1.23456")).toBeNull();
    expect(parseScaledDecimal("abc")).toBeNull();
    expect(formatScaledDecimal(25000n)).toBe("2.5");
    expect(formatScaledDecimal(10000n)).toBe("1");
  });

  it("rounds half up", () => {
    expect(divideRoundHalfUp(5n, 10n)).toBe(1n);
    expect(divideRoundHalfUp(4n, 10n)).toBe(0n);
    expect(divideRoundHalfUp(15n, 10n)).toBe(2n);
    expect(divideRoundHalfUp(-15n, 10n)).toBe(-2n);
  });
});

describe("line math", () => {
  it("EUR: 3 × 19.99 with 10% discount and 19% tax", () => {
    // gross 59.97; discount 5.997 → 6.00; net 53.97; tax 10.2543 → 10.25
    expect(computeLine({ quantity: 3, unitPrice: 1999, discountPercent: 10, taxRate: 19 })).toEqual({ gross: 5997, discount: 600, net: 5397, tax: 1025, total: 6422 });
  });

  it("JPY: no minor unit, half-up to the yen", () => {
    // gross 1.5 × 333 = 499.5 → 500; discount 500 × 7.5% = 37.5 → 38; net 462; tax 46.2 → 46
    expect(computeLine({ quantity: "1.5", unitPrice: 333, discountPercent: "7.5", taxRate: 10 })).toEqual({ gross: 500, discount: 38, net: 462, tax: 46, total: 508 });
  });

  it("KWD: three places", () => {
    // 2.25 × 1.235 KWD = 2.77875 → 2.779; discount 12.5% → 0.347375 → 0.347; net 2.432; tax 5% = 0.1216 → 0.122
    expect(computeLine({ quantity: "2.25", unitPrice: 1235, discountPercent: "12.5", taxRate: 5 })).toEqual({ gross: 2779, discount: 347, net: 2432, tax: 122, total: 2554 });
  });

  it("handles fractional quantities and four-place percents exactly", () => {
    // 0.3333 × 300 = 99.99 → 100; 33.3333% → 33.3333 → 33; net 67; tax 7.7% = 5.159 → 5
    expect(computeLine({ quantity: "0.3333", unitPrice: 300, discountPercent: "33.3333", taxRate: "7.7" })).toEqual({ gross: 100, discount: 33, net: 67, tax: 5, total: 72 });
    expect(computeLine({ quantity: 1, unitPrice: 1, discountPercent: 50, taxRate: 50 })).toEqual({ gross: 1, discount: 1, net: 0, tax: 0, total: 0 });
    expect(computeLine({ quantity: 1, unitPrice: 100, discountPercent: 100 })).toEqual({ gross: 100, discount: 100, net: 0, tax: 0, total: 0 });
  });

  it("totals are sums of the rounded lines, not rounded sums", () => {
    // Each line: 0.5 × 1 cent → 1 cent (half-up); three lines → 3 cents, where a sum of exact values would give 1.5 → 2.
    const { lines, totals } = computeDocument([1, 2, 3].map(() => ({ quantity: "0.5", unitPrice: 1 })));
    expect(lines.map((line) => line.gross)).toEqual([1, 1, 1]);
    expect(totals).toEqual({ subtotal: 3, discountTotal: 0, taxTotal: 0, total: 3 });
  });

  it("names the field that would overflow 2^53", () => {
    const huge = { quantity: "100000", unitPrice: Number.MAX_SAFE_INTEGER - 1 };
    expect(() => computeDocument([{ quantity: 1, unitPrice: 1 }, huge])).toThrowError(expect.objectContaining({ field: "lines.1.quantity" }));
    const twoHalves = [{ quantity: 1, unitPrice: 2 ** 52 }, { quantity: 1, unitPrice: 2 ** 52 }];
    expect(() => computeDocument(twoHalves)).toThrowError(MoneyError);
    expect(() => computeLine({ quantity: "1.00001", unitPrice: 1 })).toThrowError(expect.objectContaining({ field: "quantity" }));
  });

  it("keeps exactness at the top of the range", () => {
    const amount = Number.MAX_SAFE_INTEGER;
    expect(computeLine({ quantity: 1, unitPrice: amount }).total).toBe(amount);
  });
});

describe("display", () => {
  it("turns minor units into decimals and back per currency", () => {
    expect(minorToDecimal(123456, "KWD")).toBe("123.456");
    expect(minorToDecimal(5, "EUR")).toBe("0.05");
    expect(minorToDecimal(1500, "JPY")).toBe("1500");
    expect(decimalToMinor("12.5", "EUR")).toBe(1250);
    expect(decimalToMinor("12.505", "EUR")).toBeNull();
    expect(decimalToMinor("1.5", "JPY")).toBeNull();
    expect(decimalToMinor("0.001", "KWD")).toBe(1);
  });

  it("formats with the currency's places", () => {
    const spaced = (text: string) => text.replace(/\s/g, " ");
    expect(spaced(formatMoney(123456, "KWD"))).toBe("KWD 123.456");
    expect(formatMoney(150000, "JPY")).toBe("¥150,000");
    expect(formatMoney(642299, "EUR")).toBe("€6,422.99");
    expect(spaced(formatMoney(100, "HUF"))).toBe("HUF 1.00");
    expect(formatMoney(Number.MAX_SAFE_INTEGER, "EUR")).toBe("€90,071,992,547,409.91");
  });
});
