import type { AuditEntry } from "@contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { api, type Page } from "../../../api";

export function useAuditTrail(entityType: "contact" | "company" | "deal", entityId: string) {
  return useInfiniteQuery({
    queryKey: ["audit", entityType, entityId],
    queryFn: ({ pageParam, signal }) => api.get<Page<AuditEntry>>("/api/v1/audit", { entityType, entityId, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
