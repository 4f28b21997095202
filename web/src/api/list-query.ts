import type { QueryValue } from "./api.client";

/** `{ lifecycleStage: { eq: "lead" } }` → `filter[lifecycleStage][eq]=lead`, the API's filter syntax. */
export type ListFilter = Record<string, Record<string, string>>;

export interface ListParams {
  sort?: string;
  q?: string;
  filter?: ListFilter;
  isTrash?: boolean;
  limit?: number;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export function toListQuery(params: ListParams, cursor?: string | null): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {
    limit: params.limit ?? 50,
    cursor: cursor ?? undefined,
    sort: params.sort,
    q: params.q?.trim() || undefined,
    trash: params.isTrash ? "true" : undefined,
  };
  for (const [field, operations] of Object.entries(params.filter ?? {})) {
    for (const [operator, value] of Object.entries(operations)) {
      if (value !== "") query[`filter[${field}][${operator}]`] = value;
    }
  }
  return query;
}
