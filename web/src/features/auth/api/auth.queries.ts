import type { AcceptInvitationInput, AuthResult, LoginInput, Me, SetupStatus, SignupInput } from "@contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError } from "../../../api";

export const meQueryKey = ["me"] as const;

export function useSetupStatus() {
  return useQuery({ queryKey: ["setup-status"], queryFn: () => api.get<SetupStatus>("/api/v1/auth/setup-status"), staleTime: 30_000 });
}

export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => api.get<Me>("/api/v1/auth/me", undefined, signal),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    staleTime: 60_000,
  });
}

/** After signing in the cache from any earlier session must go, then `me` loads afresh. */
function useSignedIn() {
  const queryClient = useQueryClient();
  return async () => {
    queryClient.removeQueries();
    await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: () => api.get<Me>("/api/v1/auth/me") });
  };
}

export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({ mutationFn: (input: LoginInput) => api.post<AuthResult>("/api/v1/auth/login", input), onSuccess: () => signedIn() });
}

export function useSignup() {
  const signedIn = useSignedIn();
  return useMutation({ mutationFn: (input: SignupInput) => api.post<AuthResult>("/api/v1/auth/signup", input), onSuccess: () => signedIn() });
}

export function useAcceptInvitation() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (input: AcceptInvitationInput) => api.post<AuthResult>("/api/v1/auth/accept-invitation", input),
    onSuccess: () => signedIn(),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>("/api/v1/auth/logout"),
    onSettled: () => {
      queryClient.removeQueries();
    },
  });
}

export function useSwitchWorkspace() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (workspaceId: string) => api.post<void>("/api/v1/auth/switch-workspace", { workspaceId }),
    onSuccess: () => signedIn(),
  });
}
