import { buildQueryString, toListQuery, type ListFilter } from "../../api";

export type ExportObject = "contacts" | "companies";
export type ExportFormat = "csv" | "xlsx" | "vcf";

/** Grid columns that export as more than one column, or under another name. */
const exportColumnsOf: Record<ExportObject, Record<string, string[]>> = {
  contacts: { name: ["firstName", "lastName"] },
  companies: {},
};

/** The export of exactly what the list shows: its search, filters, sort and columns, without paging. */
export function exportUrl(object: ExportObject, format: ExportFormat, view: { columns: string[]; sort?: string; q: string; filter: ListFilter }): string {
  const { limit: _limit, cursor: _cursor, ...query } = toListQuery({ sort: view.sort, q: view.q, filter: view.filter });
  const columns = view.columns.flatMap((column) => exportColumnsOf[object][column] ?? [column]);
  return `/api/v1/${object}/export${buildQueryString({ ...query, format, columns: format === "vcf" ? undefined : columns.join(",") })}`;
}
