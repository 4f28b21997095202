export type SortDirection = "asc" | "desc";

/** Reads the primary key of a `sort=-updatedAt,lastName` string. */
export function primarySort(sort: string | undefined): { field: string; direction: SortDirection } | null {
  const first = sort?.split(",")[0]?.trim();
  if (!first) return null;
  return first.startsWith("-") ? { field: first.slice(1), direction: "desc" } : { field: first, direction: "asc" };
}

/** Clicking a header sorts by it ascending, then descending. */
export function nextSort(sort: string | undefined, field: string): string {
  const current = primarySort(sort);
  if (current?.field === field && current.direction === "asc") return `-${field}`;
  return field;
}
