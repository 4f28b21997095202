import type { Company, Contact, CreateCompanyInput, UpdateCompanyInput } from "@contracts";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api, createRecordQueries, type Page } from "../../../api";

export const companyQueries = createRecordQueries<Company, CreateCompanyInput, UpdateCompanyInput>("companies");

export const useCompanyList = companyQueries.useList;
export const useCompany = companyQueries.useOne;
export const useCreateCompany = companyQueries.useCreate;
export const useUpdateCompany = companyQueries.useUpdate;
export const useDeleteCompany = companyQueries.useRemove;
export const useRestoreCompany = companyQueries.useRestore;
export const usePurgeCompany = companyQueries.usePurge;

export function useCompanyContacts(companyId: string) {
  return useInfiniteQuery({
    queryKey: ["contacts", "by-company", companyId],
    queryFn: ({ pageParam, signal }) => api.get<Page<Contact>>(`/api/v1/companies/${companyId}/contacts`, { limit: 50, cursor: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Options for a company picker: the first matches for what the user typed. */
export function useCompanyOptions(search: string) {
  return useQuery({
    queryKey: ["companies", "options", search],
    queryFn: ({ signal }) => api.get<Page<Company>>("/api/v1/companies", { limit: 20, q: search.trim() || undefined, sort: "name" }, signal),
    staleTime: 30_000,
  });
}
