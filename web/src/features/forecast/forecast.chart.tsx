import type { ForecastRow } from "@contracts";
import { Box, useMantineTheme, type MantineTheme } from "@mantine/core";
import { useReducedMotion } from "@mantine/hooks";
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from "chart.js";
import { useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatMoney, minorUnitDigits } from "../../i18n";

// Only the parts a grouped bar chart needs, so the rest of chart.js stays out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** The forecast's figures in the order they are charted and tabled, with their Mantine colour. */
export const forecastSeries = [
  { name: "won", color: "teal", shade: 6 },
  { name: "commit", color: "blue", shade: 6 },
  { name: "bestCase", color: "indigo", shade: 3 },
  { name: "weighted", color: "yellow", shade: 6 },
  { name: "target", color: "gray", shade: 5 },
] as const;

function chartConfiguration(props: { rows: ForecastRow[]; currency: string; labelOf: (name: string) => string; language: string; theme: MantineTheme; isMotionReduced: boolean }): ChartConfiguration<"bar"> {
  const digits = minorUnitDigits(props.currency);
  // The axis counts in major units (nice steps of dollars, not cents); labels go back through formatMoney.
  const formatMajor = (value: number) => formatMoney({ amount: Math.round(value * 10 ** digits), currency: props.currency });
  const textColor = props.theme.colors.gray[7];
  const font = { family: props.theme.fontFamily };
  return {
    type: "bar",
    data: {
      labels: props.rows.map((row) => row.name),
      datasets: forecastSeries.map((entry) => ({
        label: props.labelOf(entry.name),
        // No target set is no bar, not a zero target.
        data: props.rows.map((row) => {
          const amount = row[entry.name];
          return amount === null ? null : amount / 10 ** digits;
        }),
        backgroundColor: props.theme.colors[entry.color][entry.shade],
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: props.isMotionReduced ? false : undefined,
      locale: props.language,
      scales: {
        x: { grid: { display: false }, ticks: { color: textColor, font } },
        y: { beginAtZero: true, grid: { color: props.theme.colors.gray[2] }, ticks: { color: textColor, font, callback: (value) => formatMajor(Number(value)) } },
      },
      plugins: {
        legend: { position: "top", labels: { color: textColor, font } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ""}: ${formatMajor(item.parsed.y ?? 0)}` } },
      },
    },
  };
}

/**
 * Won, commit, best case and weighted against target per owner or team, drawn on a canvas.
 * The canvas is one image to assistive technology; `describedBy` points at the table with the same numbers.
 */
export function ForecastChart(props: { rows: ForecastRow[]; currency: string; groupBy: "owner" | "team"; describedBy: string }) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const isMotionReduced = useReducedMotion() ?? false;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<"bar"> | null>(null);
  const configuration = useMemo(
    () => chartConfiguration({ rows: props.rows, currency: props.currency, labelOf: (name) => t(`forecast.columns.${name}`), language: i18n.language, theme, isMotionReduced }),
    [props.rows, props.currency, t, i18n.language, theme, isMotionReduced],
  );

  useEffect(() => {
    const chart = chartRef.current;
    if (chart) {
      chart.data = configuration.data;
      chart.options = configuration.options ?? {};
      chart.update();
    } else if (canvasRef.current) {
      chartRef.current = new Chart(canvasRef.current, configuration);
    }
  }, [configuration]);

  useEffect(
    () => () => {
      chartRef.current?.destroy();
      chartRef.current = null;
    },
    [],
  );

  return (
    <Box pos="relative" h={320} data-testid="forecast-chart">
      <canvas ref={canvasRef} role="img" aria-label={t(`forecast.chartLabel.${props.groupBy}`, { currency: props.currency })} aria-describedby={props.describedBy} />
    </Box>
  );
}
