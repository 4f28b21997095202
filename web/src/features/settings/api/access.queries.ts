import type { ApiKey, CreateApiKeyInput, CreateInvitationInput, Invitation } from "@contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api";

export type CreatedInvitation = Invitation & { token: string };
export type CreatedApiKey = ApiKey & { token: string };

export function useInvitations(isEnabled: boolean) {
  return useQuery({ queryKey: ["invitations"], queryFn: ({ signal }) => api.get<{ data: Invitation[] }>("/api/v1/invitations", undefined, signal), enabled: isEnabled });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInvitationInput) => api.post<CreatedInvitation>("/api/v1/invitations", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["invitations"] }),
  });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/invitations/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["invitations"] }),
  });
}

export function useApiKeys(isEnabled: boolean) {
  return useQuery({ queryKey: ["api-keys"], queryFn: ({ signal }) => api.get<{ data: ApiKey[] }>("/api/v1/api-keys", undefined, signal), enabled: isEnabled });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApiKeyInput) => api.post<CreatedApiKey>("/api/v1/api-keys", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["api-keys"] }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/api-keys/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["api-keys"] }),
  });
}
