import type { Attachment, AttachmentList, Problem } from "@contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError } from "../../../api";

export type AttachmentTarget = { contactId: string } | { companyId: string };

const attachmentsKey = (target: AttachmentTarget) => ["attachments", target] as const;

export function useAttachments(target: AttachmentTarget) {
  return useQuery({ queryKey: attachmentsKey(target), queryFn: ({ signal }) => api.get<AttachmentList>("/api/v1/attachments", target, signal) });
}

export const contentUrl = (attachment: Attachment, isDownload = false) => `/api/v1/attachments/${attachment.id}/content${isDownload ? "?download=true" : ""}`;

/** XMLHttpRequest rather than fetch: it reports upload progress. */
function sendFile(target: AttachmentTarget, file: File, onProgress: (fraction: number) => void): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(target)) form.append(key, value);
    form.append("file", file);
    const request = new XMLHttpRequest();
    request.open("POST", "/api/v1/attachments");
    request.withCredentials = true;
    request.setRequestHeader("Accept", "application/json, application/problem+json");
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onerror = () => reject(new ApiError(0, { type: "about:blank", status: 0, title: "Network error", detail: "The server could not be reached." }));
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) return resolve(body as Attachment);
      const problem = (body as Problem | undefined) ?? { type: "about:blank", status: request.status, title: request.statusText, detail: request.statusText };
      reject(new ApiError(request.status, problem));
    };
    request.send(form);
  });
}

export function useUploadAttachment(target: AttachmentTarget, onProgress: (fraction: number) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => sendFile(target, file, onProgress),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["attachments"] }),
  });
}

export function useDeleteAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/attachments/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["attachments"] }),
  });
}
