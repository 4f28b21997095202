import type { Board, Contact, CreateDealInput, Deal, OverrideStageInput, StageHistory, UpdateDealInput } from "@contracts";
import { useMutation, useQuery, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { api, createRecordQueries, type Page } from "../../../api";

export const dealQueries = createRecordQueries<Deal, CreateDealInput, UpdateDealInput>("deals");

export const useDealList = dealQueries.useList;
export const useDeal = dealQueries.useOne;
export const useCreateDeal = dealQueries.useCreate;
export const useUpdateDeal = dealQueries.useUpdate;
export const useDeleteDeal = dealQueries.useRemove;
export const useRestoreDeal = dealQueries.useRestore;
export const usePurgeDeal = dealQueries.usePurge;

export interface BoardFilter {
  ownerId?: string;
  q?: string;
}

/** Deals shown per column; the board says how many more there are. */
export const boardLimit = 50;

const boardKey = (pipelineId: string, filter: BoardFilter) => ["deals", "board", pipelineId, filter] as const;

export function useBoard(pipelineId: string | null, filter: BoardFilter) {
  return useQuery({
    queryKey: boardKey(pipelineId ?? "", filter),
    queryFn: ({ signal }) => api.get<Board>(`/api/v1/pipelines/${pipelineId}/board`, { limit: boardLimit, ownerId: filter.ownerId, q: filter.q?.trim() || undefined }, signal),
    enabled: Boolean(pipelineId),
  });
}

export function useStageHistory(dealId: string) {
  return useQuery({ queryKey: ["deals", "stage-history", dealId], queryFn: ({ signal }) => api.get<StageHistory>(`/api/v1/deals/${dealId}/stage-history`, undefined, signal) });
}

/** Options for a contacts picker: the first matches for what the user typed. */
export function useContactOptions(search: string) {
  return useQuery({
    queryKey: ["contacts", "options", search],
    queryFn: ({ signal }) => api.get<Page<Contact>>("/api/v1/contacts", { limit: 20, q: search.trim() || undefined }, signal),
    staleTime: 30_000,
  });
}

export interface StageMove {
  dealId: string;
  fromStageId: string;
  toStageId: string;
}

type Snapshot = [QueryKey, unknown][];

/** Moves the card between columns in every cached board, with the column totals (only where the currencies agree). */
function moveOnBoards(queryClient: QueryClient, move: StageMove) {
  queryClient.setQueriesData<Board>({ queryKey: ["deals", "board"] }, (board) => {
    if (!board) return board;
    const from = board.stages.find((stage) => stage.id === move.fromStageId);
    const to = board.stages.find((stage) => stage.id === move.toStageId);
    const card = from?.deals.find((deal) => deal.id === move.dealId);
    if (!from || !to || !card) return board;
    const amount = card.currency === board.currency ? card.amount : 0;
    return {
      ...board,
      stages: board.stages.map((stage) => {
        if (stage.id === from.id) {
          return { ...stage, count: stage.count - 1, total: stage.total - amount, weighted: stage.weighted - Math.round((amount * stage.probability) / 100), deals: stage.deals.filter((deal) => deal.id !== card.id) };
        }
        if (stage.id === to.id) {
          return { ...stage, count: stage.count + 1, total: stage.total + amount, weighted: stage.weighted + Math.round((amount * stage.probability) / 100), deals: [card, ...stage.deals] };
        }
        return stage;
      }),
    };
  });
}

/**
 * Moves a deal to another stage: the board and the deal page show it at once; a refusal (409 when
 * required steps are open) puts everything back, and the caller shows why.
 */
export function useMoveDeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (move: StageMove) => api.patch<Deal>(`/api/v1/deals/${move.dealId}`, { stageId: move.toStageId } satisfies UpdateDealInput),
    onMutate: async (move): Promise<{ snapshot: Snapshot }> => {
      await queryClient.cancelQueries({ queryKey: ["deals", "board"] });
      const snapshot: Snapshot = queryClient.getQueriesData({ queryKey: ["deals", "board"] });
      moveOnBoards(queryClient, move);
      return { snapshot };
    },
    onError: (_error, _move, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
    },
    onSuccess: (deal) => queryClient.setQueryData(dealQueries.keys.detail(deal.id), deal),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: ["deals"] }), queryClient.invalidateQueries({ queryKey: ["activities"] }), queryClient.invalidateQueries({ queryKey: ["audit"] })]),
  });
}

/** A manager moves a deal past open required steps; the reason lands in its stage history. */
export function useOverrideStage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ dealId, input }: { dealId: string; input: OverrideStageInput }) => api.post<Deal>(`/api/v1/deals/${dealId}/override-stage`, input),
    onSuccess: (deal) => queryClient.setQueryData(dealQueries.keys.detail(deal.id), deal),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: ["deals"] }), queryClient.invalidateQueries({ queryKey: ["activities"] }), queryClient.invalidateQueries({ queryKey: ["audit"] })]),
  });
}
