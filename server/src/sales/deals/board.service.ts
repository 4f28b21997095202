import type { Board } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { inWorkspace } from "../../db/workspace-transaction.js";
import type { Caller } from "../../platform/auth/caller.js";
import { notFound } from "../../platform/http/app-error.js";
import { iso } from "../../platform/http/iso.js";
import * as pipelines from "../pipelines/pipelines.repository.js";
import { convertToWorkspaceCurrency, loadSalesSettings } from "../settings/index.js";
import * as repository from "./board.repository.js";

export interface BoardRequest extends repository.BoardFilter {
  limit: number;
}

/**
 * A pipeline's board: per stage its count, total and weighted total in the workspace currency,
 * and its first deals. Both come from SQL (one grouped query, one lateral query), so the board
 * costs the same with ten deals or ten thousand.
 */
export function createBoardService({ db }: { db: Database }) {
  return {
    read: (caller: Caller, pipelineId: string, query: BoardRequest): Promise<Board> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        if (!(await pipelines.findPipeline(tx, caller.workspaceId, pipelineId))) throw notFound("Pipeline");
        const filter = { ownerId: query.ownerId, q: query.q };
        const stages = await pipelines.listStages(tx, caller.workspaceId, [pipelineId]);
        const totals = await repository.stageTotals(tx, caller.workspaceId, pipelineId, filter);
        const cards = await repository.stageCards(tx, caller.workspaceId, pipelineId, filter, query.limit);
        const settings = await loadSalesSettings(tx, caller.workspaceId);
        const unconverted = new Set<string>();
        const columns = stages.map((stage) => {
          let count = 0;
          let total = 0;
          for (const row of totals.filter((candidate) => candidate.stageId === stage.id)) {
            count += row.count;
            const converted = convertToWorkspaceCurrency(row.total, row.currency, settings);
            if (converted === null) unconverted.add(row.currency);
            else total += converted;
          }
          return {
            id: stage.id,
            name: stage.name,
            kind: stage.kind,
            probability: stage.probability,
            count,
            total,
            weighted: Math.round((total * stage.probability) / 100),
            deals: cards
              .filter((card) => card.stageId === stage.id)
              .map(({ stageId: _stageId, stageEnteredAt, ...card }) => ({ ...card, stageEnteredAt: iso(stageEnteredAt) })),
          };
        });
        return { pipelineId, currency: settings.defaultCurrency, unconvertedCurrencies: [...unconverted].sort(), stages: columns };
      }),
  };
}

export type BoardService = ReturnType<typeof createBoardService>;
