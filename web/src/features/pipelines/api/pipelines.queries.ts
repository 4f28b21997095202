import type { CreatePipelineInput, Pipeline, PipelineList, UpdatePipelineInput } from "@contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api";

export const pipelineKeys = {
  all: ["pipelines"] as const,
  list: ["pipelines", "list"] as const,
};

/** Every pipeline with its stages and step templates; small, so one request. */
export function usePipelines() {
  return useQuery({ queryKey: pipelineKeys.list, queryFn: ({ signal }) => api.get<PipelineList>("/api/v1/pipelines", undefined, signal), staleTime: 60_000 });
}

/** A pipeline's stages change what the board and deals show, so those refetch too. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: pipelineKeys.all }), queryClient.invalidateQueries({ queryKey: ["deals"] })]);
}

export function useCreatePipeline() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: CreatePipelineInput) => api.post<Pipeline>("/api/v1/pipelines", input), onSuccess: () => invalidate() });
}

export function useUpdatePipeline() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdatePipelineInput }) => api.patch<Pipeline>(`/api/v1/pipelines/${id}`, input),
    onSuccess: () => invalidate(),
  });
}
