import { UpdateSalesSettingsInput, type SalesSettings } from "@contracts";
import { ActionIcon, Button, Group, NumberInput, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useEffect, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { notifySuccess, ProblemAlert, useSchemaForm } from "../../ui";
import { useCan } from "../auth";
import { useSalesSettings, useUpdateSalesSettings } from "./api/sales-settings.queries";

interface Values extends Record<string, string | string[]> {
  defaultCurrency: string;
  staleDealDays: string;
  rateCurrencies: string[];
  rateValues: string[];
}

const toValues = (settings: SalesSettings): Values => ({
  defaultCurrency: settings.defaultCurrency,
  staleDealDays: String(settings.staleDealDays),
  rateCurrencies: settings.exchangeRates.map((rate) => rate.currency),
  rateValues: settings.exchangeRates.map((rate) => rate.rate.replace(/\.?0+$/, "")),
});

const toInput = (values: Values) => ({
  defaultCurrency: values.defaultCurrency.trim().toUpperCase(),
  staleDealDays: Number(values.staleDealDays),
  exchangeRates: values.rateCurrencies.map((currency, index) => ({ currency: currency.trim().toUpperCase(), rate: values.rateValues[index]!.trim() })),
});

/** `exchangeRates.2.rate` → `rate.2`: each row shows its own errors. */
const fieldForPath = (path: string) => path.replace(/^exchangeRates\.(\d+)\.(currency|rate)$/, "$2.$1");

/** Settings → Sales: the currency totals and forecasts speak, the exchange rates into it, and when a deal counts as stale. */
export function SalesSettingsTab() {
  const { t } = useTranslation();
  const can = useCan();
  const settings = useSalesSettings();
  const update = useUpdateSalesSettings();
  const form = useSchemaForm<Values, typeof UpdateSalesSettingsInput>({
    initialValues: { defaultCurrency: "USD", staleDealDays: "14", rateCurrencies: [], rateValues: [] },
    schema: UpdateSalesSettingsInput,
    toInput,
    fieldForPath,
  });
  const { setValues } = form;
  useEffect(() => {
    if (settings.data) setValues(toValues(settings.data));
  }, [settings.data, setValues]);

  if (settings.isError) return <ProblemAlert error={settings.error} onRetry={() => void settings.refetch()} />;
  const isEditable = can("sales:configure");
  const { values } = form;
  const setRow = (index: number, currency: string, rate: string) =>
    setValues({ ...values, rateCurrencies: values.rateCurrencies.with(index, currency), rateValues: values.rateValues.with(index, rate) });
  const removeRow = (index: number) =>
    setValues({ ...values, rateCurrencies: values.rateCurrencies.filter((_, at) => at !== index), rateValues: values.rateValues.filter((_, at) => at !== index) });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    update.mutate(input, { onSuccess: () => notifySuccess(t("salesSettings.saved")), onError: form.handleSubmitError });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={560}>
        <Group align="flex-start">
          <TextInput label={t("salesSettings.defaultCurrency")} description={t("salesSettings.defaultCurrencyHelp")} maxLength={3} w={200} disabled={!isEditable} {...form.getInputProps("defaultCurrency")} />
          <NumberInput
            label={t("salesSettings.staleDealDays")}
            description={t("salesSettings.staleDealDaysHelp")}
            min={1}
            max={365}
            w={220}
            disabled={!isEditable}
            value={values.staleDealDays}
            onChange={(value) => form.setField("staleDealDays", String(value))}
            error={form.errors.staleDealDays}
          />
        </Group>
        <Title order={4}>{t("salesSettings.rates")}</Title>
        <Text size="sm" c="dimmed">{t("salesSettings.ratesHelp", { currency: values.defaultCurrency })}</Text>
        {values.rateCurrencies.length === 0 ? <Text size="sm">{t("salesSettings.noRates")}</Text> : null}
        {values.rateCurrencies.length > 0 ? (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("salesSettings.currency")}</Table.Th>
                <Table.Th>{t("salesSettings.rate", { currency: values.defaultCurrency })}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {values.rateCurrencies.map((currency, index) => (
                <Table.Tr key={index}>
                  <Table.Td>
                    <TextInput aria-label={t("salesSettings.currency")} maxLength={3} w={90} disabled={!isEditable} value={currency} error={form.errors[`currency.${index}`]} onChange={(event) => setRow(index, event.currentTarget.value, values.rateValues[index]!)} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={t("salesSettings.rate", { currency: values.defaultCurrency })} w={160} disabled={!isEditable} value={values.rateValues[index]} error={form.errors[`rate.${index}`]} onChange={(event) => setRow(index, currency, event.currentTarget.value)} />
                  </Table.Td>
                  <Table.Td>
                    {isEditable ? (
                      <ActionIcon variant="subtle" color="red" aria-label={t("salesSettings.removeRate", { currency })} onClick={() => removeRow(index)}>
                        ×
                      </ActionIcon>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        {isEditable ? (
          <Group>
            <Button variant="default" onClick={() => setValues({ ...values, rateCurrencies: [...values.rateCurrencies, ""], rateValues: [...values.rateValues, ""] })}>
              {t("salesSettings.addRate")}
            </Button>
            <Button type="submit" loading={update.isPending}>{t("salesSettings.save")}</Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
