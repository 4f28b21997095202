import { Center, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatMoney } from "../../i18n";
import { EmptyState, ProblemAlert } from "../../ui";
import { useForecast } from "./api/forecast.queries";
import { ForecastChart, forecastSeries } from "./forecast.chart";
import { SalesDashboardCards } from "./sales-dashboard.cards";
import { currentQuarter, PeriodSelect } from "./period.select";

/** Forecast: per owner or team, won / commit / best case / weighted against target, and the period's dashboard. */
export function ForecastPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(currentQuarter());
  const [groupBy, setGroupBy] = useState<"owner" | "team">("owner");
  const forecast = useForecast(period, groupBy);
  const data = forecast.data;
  const money = (amount: number | null) => (amount === null || !data ? "" : formatMoney({ amount, currency: data.currency }));
  const tableId = useId();

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>{t("forecast.title")}</Title>
        <Group gap="xs">
          <PeriodSelect value={period} onChange={setPeriod} />
          <SegmentedControl
            aria-label={t("forecast.groupBy")}
            value={groupBy}
            onChange={(value) => setGroupBy(value as "owner" | "team")}
            data={[{ value: "owner", label: t("forecast.byOwner") }, { value: "team", label: t("forecast.byTeam") }]}
          />
        </Group>
      </Group>
      {forecast.isError ? (
        <ProblemAlert error={forecast.error} onRetry={() => void forecast.refetch()} />
      ) : !data ? (
        <Center py="xl"><Loader aria-label={t("common.loading")} /></Center>
      ) : data.rows.length === 0 ? (
        <EmptyState title={t("forecast.empty")} description={t("forecast.emptyHint")} />
      ) : (
        <>
          <ForecastChart rows={data.rows} currency={data.currency} groupBy={groupBy} describedBy={tableId} />
          <Table striped id={tableId} data-testid="forecast-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{groupBy === "owner" ? t("forecast.owner") : t("forecast.team")}</Table.Th>
                {forecastSeries.map((entry) => <Table.Th key={entry.name} ta="right">{t(`forecast.columns.${entry.name}`)}</Table.Th>)}
                <Table.Th ta="right">{t("forecast.attainment")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...data.rows.map((row) => ({ ...row, key: row.ownerId ?? row.teamId ?? "none", isTotal: false })), { ...data.totals, name: t("forecast.total"), key: "total", isTotal: true }].map((row) => (
                <Table.Tr key={row.key} fw={row.isTotal ? 700 : undefined}>
                  <Table.Td>{row.name}</Table.Td>
                  {forecastSeries.map((entry) => <Table.Td key={entry.name} ta="right">{money(row[entry.name])}</Table.Td>)}
                  <Table.Td ta="right">{row.attainmentPercent === null ? "" : `${row.attainmentPercent}%`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            {t("forecast.currencyNote", { currency: data.currency })}
            {data.rates.length ? ` ${t("forecast.ratesUsed", { rates: data.rates.map((rate) => `1 ${rate.currency} = ${rate.rate} ${data.currency}`).join(", ") })}` : ""}
            {data.unconvertedCurrencies.length ? ` ${t("forecast.unconverted", { currencies: data.unconvertedCurrencies.join(", ") })}` : ""}
          </Text>
        </>
      )}
      <SalesDashboardCards period={period} />
    </Stack>
  );
}
