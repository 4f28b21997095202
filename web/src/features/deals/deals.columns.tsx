import type { Deal } from "@contracts";
import { Badge } from "@mantine/core";
import type { TFunction } from "i18next";
import { formatDate, formatDateTime, formatMoney } from "../../i18n";
import type { ListColumn } from "../views";

export const defaultDealColumns = ["name", "stage", "amount", "closeDate", "company", "owner", "updatedAt"];
export const defaultDealSort = "-updatedAt";

const kindColors = { open: "blue", won: "green", lost: "gray" } as const;

export function dealColumns(t: TFunction): ListColumn<Deal>[] {
  const column = (id: string, width: number, render: ListColumn<Deal>["render"], sortField?: string): ListColumn<Deal> => {
    const label = t(`deals.fields.${id}`);
    return { id, label, header: label, width, render, sortField };
  };
  return [
    column("name", 240, (row) => row.name, "name"),
    column("stage", 170, (row) => <Badge variant="light" color={kindColors[row.stage.kind]}>{row.stage.name}</Badge>),
    column("amount", 150, (row) => formatMoney({ amount: row.amount, currency: row.currency }), "amount"),
    column("closeDate", 130, (row) => formatDate(row.closeDate), "closeDate"),
    column("company", 180, (row) => row.company?.name ?? ""),
    column("owner", 150, (row) => row.owner?.name ?? ""),
    column("forecastCategory", 150, (row) => t(`deals.forecastCategories.${row.forecastCategory}`)),
    column("probability", 110, (row) => `${row.stage.probability}%`),
    column("source", 130, (row) => row.source ?? ""),
    column("stageEnteredAt", 170, (row) => formatDateTime(row.stageEnteredAt), "stageEnteredAt"),
    column("createdAt", 170, (row) => formatDateTime(row.createdAt), "createdAt"),
    column("updatedAt", 170, (row) => formatDateTime(row.updatedAt), "updatedAt"),
  ];
}
