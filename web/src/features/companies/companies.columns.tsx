import type { Company } from "@contracts";
import { Badge, Group } from "@mantine/core";
import type { TFunction } from "i18next";
import { formatDateTime, formatMoney } from "../../i18n";
import type { ListColumn } from "../views";

export const defaultCompanyColumns = ["name", "domain", "industry", "employeeCount", "contactCount", "owner", "updatedAt"];
export const defaultCompanySort = "-updatedAt";

export function companyColumns(t: TFunction): ListColumn<Company>[] {
  const column = (id: string, width: number, render: ListColumn<Company>["render"], sortField?: string): ListColumn<Company> => {
    const label = t(`companies.fields.${id}`);
    return { id, label, header: label, width, render, sortField };
  };
  return [
    column("name", 220, (row) => row.name, "name"),
    column("domain", 180, (row) => row.domain ?? "", "domain"),
    column("industry", 160, (row) => row.industry ?? "", "industry"),
    column("employeeCount", 130, (row) => (row.employeeCount == null ? "" : row.employeeCount.toLocaleString()), "employeeCount"),
    column("annualRevenue", 150, (row) => formatMoney(row.annualRevenue), "annualRevenue"),
    column("contactCount", 110, (row) => row.contactCount),
    column("owner", 150, (row) => row.owner?.name ?? ""),
    column("tags", 180, (row) => (
      <Group gap={4} wrap="nowrap">
        {row.tags.map((tag) => <Badge key={tag} variant="outline" size="sm">{tag}</Badge>)}
      </Group>
    )),
    column("createdAt", 170, (row) => formatDateTime(row.createdAt), "createdAt"),
    column("updatedAt", 170, (row) => formatDateTime(row.updatedAt), "updatedAt"),
  ];
}
