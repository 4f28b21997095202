import type { ConvertedLead, ConvertLeadInput } from "@contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api";

/** Converting changes the contact and adds a deal (and maybe a company): every list may show it. */
export function useConvertLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ contactId, input }: { contactId: string; input: ConvertLeadInput }) => api.post<ConvertedLead>(`/api/v1/contacts/${contactId}/convert`, input),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
