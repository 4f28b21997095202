import type { Member, Team, UpdateMemberInput } from "@contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api";

export function useMembers(isEnabled = true) {
  return useQuery({ queryKey: ["members"], queryFn: ({ signal }) => api.get<{ data: Member[] }>("/api/v1/members", undefined, signal), staleTime: 60_000, enabled: isEnabled });
}

export function useUpdateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, input }: { userId: string; input: UpdateMemberInput }) => api.patch<Member>(`/api/v1/members/${userId}`, input),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ["members"] }), queryClient.invalidateQueries({ queryKey: ["teams"] })]),
  });
}

export function useTeams() {
  return useQuery({ queryKey: ["teams"], queryFn: ({ signal }) => api.get<{ data: Team[] }>("/api/v1/teams", undefined, signal) });
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => api.post<Team>("/api/v1/teams", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["teams"] }),
  });
}
