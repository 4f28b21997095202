import type { SearchResult } from "@contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../../api";

export function useGlobalSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ["search", query],
    queryFn: ({ signal }) => api.get<SearchResult>("/api/v1/search", { q: query, limit: 8 }, signal),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}
