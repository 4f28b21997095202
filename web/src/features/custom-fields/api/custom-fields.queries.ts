import type { CreateCustomFieldInput, CustomField, CustomFieldObject, UpdateCustomFieldInput } from "@contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api";

const key = ["custom-fields"];

/** Every field of the workspace, archived ones too; callers pick the object and state they need. */
export function useAllCustomFields() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<{ data: CustomField[] }>("/api/v1/custom-fields", { archived: "true" }, signal),
    staleTime: 60_000,
  });
}

/** One object's fields in their order; `includeArchived` for reading stored values. */
export function useCustomFields(object: CustomFieldObject, { includeArchived = false } = {}) {
  const query = useAllCustomFields();
  const fields = (query.data?.data ?? []).filter((field) => field.object === object && (includeArchived || !field.archived));
  return { ...query, fields };
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key });
}

export function useCreateCustomField() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: CreateCustomFieldInput) => api.post<CustomField>("/api/v1/custom-fields", input), onSuccess: invalidate });
}

export function useUpdateCustomField() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UpdateCustomFieldInput }) => api.patch<CustomField>(`/api/v1/custom-fields/${id}`, changes),
    onSuccess: invalidate,
  });
}

export function useDeleteCustomField() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.delete(`/api/v1/custom-fields/${id}`), onSuccess: invalidate });
}
