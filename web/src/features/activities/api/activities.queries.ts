import type { Activity, ActivityList, CreateActivityInput, Timeline, TimelineKind, UpdateActivityInput } from "@contracts";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api";

export type TimelineRecord = { type: "contact" | "company" | "deal"; id: string };

const timelineBase = { contact: "contacts", company: "companies", deal: "deals" } as const;

const keys = {
  all: ["activities"] as const,
  timeline: (record: TimelineRecord, kinds: TimelineKind[]) => ["activities", "timeline", record.type, record.id, kinds] as const,
  list: (query: Record<string, string>) => ["activities", "list", query] as const,
};

/** A record's timeline, newest first, one page of 30 at a time. */
export function useTimeline(record: TimelineRecord, kinds: TimelineKind[]) {
  const path = `/api/v1/${timelineBase[record.type]}/${record.id}/timeline`;
  return useInfiniteQuery({
    queryKey: keys.timeline(record, kinds),
    queryFn: ({ pageParam, signal }) =>
      api.get<Timeline>(path, { limit: 30, cursor: pageParam ?? undefined, "filter[kind][in]": kinds.length ? kinds.join(",") : undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Activities by the API's list query (filter[...][op] keys as given); follows every page, for short lists such as open tasks. */
export function useActivities(query: Record<string, string>) {
  return useQuery({
    queryKey: keys.list(query),
    queryFn: async ({ signal }) => {
      const rows: Activity[] = [];
      let cursor: string | null = null;
      do {
        const page: ActivityList = await api.get<ActivityList>("/api/v1/activities", { ...query, limit: 200, cursor: cursor ?? undefined }, signal);
        rows.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor && rows.length < 1_000);
      return rows;
    },
  });
}

/** Deals refetch too: a task done may be the required step that let a deal move on (the board's badge). */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: keys.all }), queryClient.invalidateQueries({ queryKey: ["audit"] }), queryClient.invalidateQueries({ queryKey: ["deals"] })]);
}

export function useCreateActivity() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: CreateActivityInput) => api.post<Activity>("/api/v1/activities", input), onSuccess: () => invalidate() });
}

export function useUpdateActivity() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateActivityInput }) => api.patch<Activity>(`/api/v1/activities/${id}`, input),
    onSuccess: () => invalidate(),
  });
}

export function useDeleteActivity() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.delete(`/api/v1/activities/${id}`), onSuccess: () => invalidate() });
}
