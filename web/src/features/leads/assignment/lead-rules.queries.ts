import type { CreateLeadAssignmentRuleInput, LeadAssignmentRule, LeadAssignmentRuleList, UpdateLeadAssignmentRuleInput } from "@contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api";

const rulesKey = ["lead-assignment-rules"];

export function useLeadRules() {
  return useQuery({ queryKey: rulesKey, queryFn: ({ signal }) => api.get<LeadAssignmentRuleList>("/api/v1/lead-assignment-rules", undefined, signal) });
}

export function useCreateLeadRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateLeadAssignmentRuleInput) => api.post<LeadAssignmentRule>("/api/v1/lead-assignment-rules", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKey }),
  });
}

export function useUpdateLeadRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateLeadAssignmentRuleInput }) => api.patch<LeadAssignmentRule>(`/api/v1/lead-assignment-rules/${id}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKey }),
  });
}

export function useDeleteLeadRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/lead-assignment-rules/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKey }),
  });
}
