import type { CreateSavedViewInput, SavedView, UpdateSavedViewInput } from "@contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api";

export type ViewObject = "contacts" | "companies" | "deals";

const viewsKey = (object: ViewObject) => ["views", object] as const;

export function useSavedViews(object: ViewObject) {
  return useQuery({ queryKey: viewsKey(object), queryFn: ({ signal }) => api.get<{ data: SavedView[] }>("/api/v1/views", { object }, signal) });
}

export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSavedViewInput) => api.post<SavedView>("/api/v1/views", input),
    onSuccess: (view) => queryClient.invalidateQueries({ queryKey: viewsKey(view.object) }),
  });
}

export function useUpdateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateSavedViewInput }) => api.patch<SavedView>(`/api/v1/views/${id}`, input),
    onSuccess: (view) => queryClient.invalidateQueries({ queryKey: viewsKey(view.object) }),
  });
}

export function useDeleteSavedView(object: ViewObject) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/views/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: viewsKey(object) }),
  });
}
