import type { CreateTargetInput, Forecast, SalesDashboard, Target, TargetList } from "@contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api";

export function useForecast(period: string, groupBy: "owner" | "team") {
  return useQuery({ queryKey: ["forecast", period, groupBy], queryFn: ({ signal }) => api.get<Forecast>("/api/v1/forecast", { period, groupBy }, signal) });
}

export function useSalesDashboard(period: string) {
  return useQuery({ queryKey: ["sales-dashboard", period], queryFn: ({ signal }) => api.get<SalesDashboard>("/api/v1/sales/dashboard", { period }, signal) });
}

export function useTargets(period: string) {
  return useQuery({ queryKey: ["targets", period], queryFn: ({ signal }) => api.get<TargetList>("/api/v1/targets", period ? { period } : undefined, signal) });
}

/** A target changes the forecast's target column too. */
function useInvalidateTargets() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: ["targets"] }), queryClient.invalidateQueries({ queryKey: ["forecast"] })]);
}

export function useCreateTarget() {
  const invalidate = useInvalidateTargets();
  return useMutation({ mutationFn: (input: CreateTargetInput) => api.post<Target>("/api/v1/targets", input), onSuccess: invalidate });
}

export function useDeleteTarget() {
  const invalidate = useInvalidateTargets();
  return useMutation({ mutationFn: (id: string) => api.delete(`/api/v1/targets/${id}`), onSuccess: invalidate });
}
