import type { SalesSettings, UpdateSalesSettingsInput } from "@contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api";

export function useSalesSettings() {
  return useQuery({ queryKey: ["sales-settings"], queryFn: ({ signal }) => api.get<SalesSettings>("/api/v1/sales/settings", undefined, signal) });
}

export function useUpdateSalesSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSalesSettingsInput) => api.put<SalesSettings>("/api/v1/sales/settings", input),
    // Board totals and forecasts are converted with these rates.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
