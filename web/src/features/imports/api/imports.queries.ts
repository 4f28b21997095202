import type { Import, ImportCreated, ImportMapping, ImportObject, ImportPreview, OnDuplicate, ImportMatchOn, Problem } from "@contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, ApiError } from "../../../api";

/** The preview reads only a CSV's or vCard's start: the server looks at its first 256 KB. */
const previewBytes = 256 * 1024;

/** An XLSX workbook is a ZIP archive, readable only whole: the preview sends it all. */
async function previewPart(file: File): Promise<Blob> {
  const magic = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const isZip = magic[0] === 0x50 && magic[1] === 0x4b && magic[2] === 0x03 && magic[3] === 0x04;
  return isZip ? file : file.slice(0, previewBytes);
}

async function postForm<T>(path: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", body: form, credentials: "include", headers: { Accept: "application/json, application/problem+json" } });
  } catch {
    throw new ApiError(0, { type: "about:blank", status: 0, title: "Network error", detail: "The server could not be reached." });
  }
  const body = (await response.json().catch(() => ({}))) as T & Partial<Problem>;
  if (!response.ok) throw new ApiError(response.status, { type: "about:blank", status: response.status, title: body.title ?? "Error", detail: body.detail ?? "", errors: body.errors });
  return body;
}

export interface ImportSettings {
  file: File;
  object: ImportObject;
  /** Only the columns the person changed; the server merges them over its automatic mapping. */
  mapping: ImportMapping;
  onDuplicate: OnDuplicate;
  matchOn: ImportMatchOn;
}

function formOf(settings: Pick<ImportSettings, "object" | "mapping">, file: Blob, fileName: string) {
  const form = new FormData();
  form.append("object", settings.object);
  if (Object.keys(settings.mapping).length) form.append("mapping", JSON.stringify(settings.mapping));
  form.append("file", file, fileName);
  return form;
}

export function usePreviewImport() {
  return useMutation({
    mutationFn: async (settings: Pick<ImportSettings, "file" | "object" | "mapping">) =>
      postForm<ImportPreview>("/api/v1/imports/preview", formOf(settings, await previewPart(settings.file), settings.file.name)),
  });
}

export function useStartImport() {
  return useMutation({
    mutationFn: (settings: ImportSettings) => {
      const form = formOf(settings, settings.file, settings.file.name);
      // Text fields before the file, so the server has them when the upload ends.
      form.append("onDuplicate", settings.onDuplicate);
      form.append("matchOn", settings.matchOn);
      return postForm<ImportCreated>("/api/v1/imports", form);
    },
  });
}

const isFinished = (status: Import["status"] | undefined) => status === "done" || status === "failed" || status === "undone";

/** One import, polled every second while it runs. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: ["imports", id],
    queryFn: ({ signal }) => api.get<Import>(`/api/v1/imports/${id}`, undefined, signal),
    enabled: id !== null,
    refetchInterval: (query) => (isFinished(query.state.data?.status) ? false : 1000),
  });
}

export function useUndoImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Import>(`/api/v1/imports/${id}/undo`),
    onSuccess: (updated) => {
      queryClient.setQueryData(["imports", updated.id], updated);
      return Promise.all([queryClient.invalidateQueries({ queryKey: ["contacts"] }), queryClient.invalidateQueries({ queryKey: ["companies"] })]);
    },
  });
}

export const errorsCsvUrl = (id: string) => `/api/v1/imports/${id}/errors`;
export { isFinished };
