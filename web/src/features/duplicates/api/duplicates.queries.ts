import type { Company, Contact, DuplicateList, DuplicateObject, MergeInput, MergeUndoResult } from "@contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api";

export type MergeRecord = Contact | Company;

const resourceOf = (object: DuplicateObject) => (object === "contact" ? "contacts" : "companies");

export function useDuplicates(object: DuplicateObject) {
  return useQuery({ queryKey: ["duplicates", object], queryFn: ({ signal }) => api.get<DuplicateList>("/api/v1/duplicates", { object }, signal) });
}

/** One record of a group; the same cache key as the record pages, so they share what is loaded. */
export function useMergeRecord(object: DuplicateObject, id: string) {
  const resource = resourceOf(object);
  return useQuery({ queryKey: [resource, "detail", id], queryFn: ({ signal }) => api.get<MergeRecord>(`/api/v1/${resource}/${id}`, undefined, signal) });
}

function useInvalidate(object: DuplicateObject) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["duplicates"] }),
      queryClient.invalidateQueries({ queryKey: [resourceOf(object)] }),
      // A company merge moves contacts; a contact merge changes companies' contact counts.
      queryClient.invalidateQueries({ queryKey: [object === "contact" ? "companies" : "contacts"] }),
      queryClient.invalidateQueries({ queryKey: ["audit"] }),
    ]);
}

export function useMerge(object: DuplicateObject) {
  const invalidate = useInvalidate(object);
  return useMutation({
    mutationFn: (input: MergeInput) => api.post<MergeRecord & { mergeId: string }>(`/api/v1/${resourceOf(object)}/merge`, input),
    onSuccess: invalidate,
  });
}

export function useUndoMerge(object: DuplicateObject) {
  const invalidate = useInvalidate(object);
  return useMutation({ mutationFn: (mergeId: string) => api.post<MergeUndoResult>(`/api/v1/merges/${mergeId}/undo`), onSuccess: invalidate });
}
