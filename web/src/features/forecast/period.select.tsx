import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The period that contains today: "2026-Q4". */
export function currentQuarter(now = new Date()): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

/** Years, quarters and months from last year to next year, grouped. */
function periodOptions(year: number, t: (key: string, options?: Record<string, unknown>) => string) {
  const years = [year - 1, year, year + 1];
  return [
    { group: t("forecast.quarters"), items: years.flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`)) },
    { group: t("forecast.months"), items: years.flatMap((y) => Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, "0")}`)) },
    { group: t("forecast.years"), items: years.map(String) },
  ];
}

export function PeriodSelect(props: { value: string; onChange: (value: string) => void; label?: string; error?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      label={props.label}
      aria-label={props.label ? undefined : t("forecast.period")}
      data={periodOptions(new Date().getUTCFullYear(), t)}
      value={props.value}
      onChange={(value) => value && props.onChange(value)}
      allowDeselect={false}
      searchable
      error={props.error}
      w={150}
      data-testid="period-select"
    />
  );
}
