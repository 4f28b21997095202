import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./api.client";
import { toListQuery, type ListParams, type Page } from "./list-query";

/**
 * Query hooks for a record resource with list / read / create / update / soft delete /
 * restore / purge. Each domain builds its own hooks from this in `features/<domain>/api`.
 */
export function createRecordQueries<Row extends { id: string }, CreateInput, UpdateInput>(resource: "contacts" | "companies" | "deals") {
  const base = `/api/v1/${resource}`;
  const keys = {
    all: [resource] as const,
    list: (params: ListParams) => [resource, "list", params] as const,
    detail: (id: string) => [resource, "detail", id] as const,
  };

  function useInvalidate() {
    const queryClient = useQueryClient();
    return () => Promise.all([queryClient.invalidateQueries({ queryKey: keys.all }), queryClient.invalidateQueries({ queryKey: ["audit"] })]);
  }

  function useList(params: ListParams, isEnabled = true) {
    return useInfiniteQuery({
      queryKey: keys.list(params),
      queryFn: ({ pageParam, signal }) => api.get<Page<Row>>(base, toListQuery(params, pageParam), signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      enabled: isEnabled,
    });
  }

  function useOne(id: string | undefined) {
    return useQuery({
      queryKey: keys.detail(id ?? ""),
      queryFn: ({ signal }) => api.get<Row>(`${base}/${id}`, undefined, signal),
      enabled: Boolean(id),
    });
  }

  function useCreate() {
    const invalidate = useInvalidate();
    return useMutation({ mutationFn: (input: CreateInput) => api.post<Row>(base, input), onSuccess: () => invalidate() });
  }

  function useUpdate(id: string) {
    const queryClient = useQueryClient();
    const invalidate = useInvalidate();
    return useMutation({
      mutationFn: (input: UpdateInput) => api.patch<Row>(`${base}/${id}`, input),
      onSuccess: (row) => {
        queryClient.setQueryData(keys.detail(id), row);
        void invalidate();
      },
    });
  }

  function useRemove() {
    const invalidate = useInvalidate();
    return useMutation({ mutationFn: (id: string) => api.delete(`${base}/${id}`), onSuccess: () => invalidate() });
  }

  function useRestore() {
    const invalidate = useInvalidate();
    return useMutation({ mutationFn: (id: string) => api.post<Row>(`${base}/${id}/restore`), onSuccess: () => invalidate() });
  }

  function usePurge() {
    const invalidate = useInvalidate();
    return useMutation({ mutationFn: (id: string) => api.delete(`${base}/${id}/purge`), onSuccess: () => invalidate() });
  }

  return { base, keys, useList, useOne, useCreate, useUpdate, useRemove, useRestore, usePurge };
}
