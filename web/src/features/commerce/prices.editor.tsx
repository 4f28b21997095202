import { decimalToMinor, minorToDecimal, type ProductPrice } from "@contracts";
import { ActionIcon, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** One price as typed: a currency and an amount in major units ("12.50"). */
export interface PriceRow {
  key: number;
  currency: string;
  amount: string;
}

export function toPriceRows(prices: ProductPrice[]): PriceRow[] {
  return prices.map((price, index) => ({ key: index, currency: price.currency, amount: minorToDecimal(price.unitPrice, price.currency) }));
}

/** Rows → prices in integer minor units; an amount the currency cannot hold becomes NaN so the contract names that row. */
export function toProductPrices(rows: PriceRow[]): ProductPrice[] {
  return rows.map((row) => {
    const currency = row.currency.trim().toUpperCase();
    return { currency, unitPrice: decimalToMinor(row.amount || "0", currency) ?? Number.NaN };
  });
}

/** A product's prices, one row per currency; `errors` are keyed like the contract's paths (`prices.0.currency`). */
export function PricesEditor(props: { rows: PriceRow[]; onChange: (rows: PriceRow[]) => void; errors: Record<string, string>; label: string }) {
  const { t } = useTranslation();
  const { rows, onChange, errors } = props;
  const update = (key: number, change: Partial<PriceRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">{props.label}</Text>
      {errors.prices ? <Text c="red" size="sm">{errors.prices}</Text> : null}
      {rows.map((price, index) => (
        <Group key={price.key} wrap="nowrap" align="flex-start">
          <TextInput aria-label={t("commerce.currency")} w={100} maxLength={3} value={price.currency} onChange={(event) => update(price.key, { currency: event.currentTarget.value.toUpperCase() })} error={errors[`prices.${index}.currency`]} />
          <TextInput aria-label={t("commerce.line.unitPrice")} inputMode="decimal" style={{ flex: 1 }} value={price.amount} onChange={(event) => update(price.key, { amount: event.currentTarget.value })} error={errors[`prices.${index}.unitPrice`]} />
          <ActionIcon variant="subtle" color="red" mt={6} aria-label={t("commerce.product.removePrice")} onClick={() => onChange(rows.filter((row) => row.key !== price.key))}>×</ActionIcon>
        </Group>
      ))}
      <Button variant="light" onClick={() => onChange([...rows, { key: Date.now(), currency: "", amount: "" }])}>{t("commerce.product.addPrice")}</Button>
    </Stack>
  );
}
