import type { ConsentHistory, EmailConsent, ErasureResult, FieldPermission, FieldPermissionList } from "@contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiRequest, ApiError } from "../../../api";

const consentKey = (contactId: string) => ["consent-history", contactId] as const;

export function useConsentHistory(contactId: string) {
  return useQuery({ queryKey: consentKey(contactId), queryFn: ({ signal }) => api.get<ConsentHistory>(`/api/v1/contacts/${contactId}/consent-history`, undefined, signal) });
}

/** A consent change is a contact update carrying its source; the server writes the history row. */
export function useChangeConsent(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { emailConsent: EmailConsent; consentSource: string; doNotContact: boolean }) => api.patch(`/api/v1/contacts/${contactId}`, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["contacts"] }),
        queryClient.invalidateQueries({ queryKey: consentKey(contactId) }),
        queryClient.invalidateQueries({ queryKey: ["audit"] }),
      ]),
  });
}

/** Downloads the contact's data export as a JSON file. */
export async function downloadContactData(contactId: string) {
  const response = await fetch(`/api/v1/contacts/${contactId}/data-export`, { credentials: "include", headers: { Accept: "application/json, application/problem+json" } });
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({ type: "about:blank", status: response.status, title: response.statusText, detail: response.statusText })));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = `contact-${contactId}.json`;
  link.click();
  URL.revokeObjectURL(url);
}

export function useEraseContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contactId: string) => api.post<ErasureResult>(`/api/v1/contacts/${contactId}/erase`),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useFieldPermissions() {
  return useQuery({ queryKey: ["field-permissions"], queryFn: ({ signal }) => api.get<FieldPermissionList>("/api/v1/field-permissions", undefined, signal) });
}

export function useSetFieldPermission() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: FieldPermission) => apiRequest<FieldPermission>("/api/v1/field-permissions", { method: "PUT", body: input }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
