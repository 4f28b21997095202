import { sql, type SQL } from "drizzle-orm";
import { activities } from "../../customers/activities/activities.schema.js";
import { companies } from "../../customers/companies/companies.schema.js";
import { escapeLike } from "../../db/list-query.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { users } from "../../platform/auth/auth.schema.js";
import { pipelineStages, stageSteps } from "../pipelines/pipelines.schema.js";
import { deals, dealSteps } from "./deals.schema.js";

export interface BoardFilter {
  ownerId?: string;
  q?: string;
}

/** The board's deals: live ones of the pipeline, narrowed to an owner or a name when asked. */
function boardDeals(workspaceId: string, pipelineId: string, filter: BoardFilter): SQL {
  return sql.join(
    [
      sql`d.workspace_id = ${workspaceId}::uuid and d.pipeline_id = ${pipelineId}::uuid and d.deleted_at is null`,
      filter.ownerId ? sql`d.owner_id = ${filter.ownerId}::uuid` : undefined,
      filter.q ? sql`lower(d.name) like ${`%${escapeLike(filter.q.toLowerCase())}%`}` : undefined,
    ].filter((condition): condition is SQL => condition !== undefined),
    sql` and `,
  );
}

type Rows<T> = { rows: T[] };

/** Count and sum per stage and currency, in one grouped pass over the pipeline's deals. */
export async function stageTotals(tx: Transaction, workspaceId: string, pipelineId: string, filter: BoardFilter) {
  const result = (await tx.execute(sql`
    select d.stage_id as "stageId", d.currency, count(*)::int as count, sum(d.amount)::text as total
    from ${deals} d
    where ${boardDeals(workspaceId, pipelineId, filter)}
    group by d.stage_id, d.currency`)) as unknown as Rows<{ stageId: string; currency: string; count: number | string; total: string }>;
  return result.rows.map((row) => ({ stageId: row.stageId, currency: row.currency, count: Number(row.count), total: Number(row.total) }));
}

export interface BoardCard {
  stageId: string;
  id: string;
  name: string;
  amount: number;
  currency: string;
  closeDate: string | null;
  ownerId: string | null;
  ownerName: string | null;
  companyName: string | null;
  stageEnteredAt: Date;
  openRequiredSteps: number;
}

/**
 * The first `limit` deals of each live stage (latest change first), each stage read through
 * the board index by a lateral subquery, with owner, company and open required steps.
 */
export async function stageCards(tx: Transaction, workspaceId: string, pipelineId: string, filter: BoardFilter, limit: number): Promise<BoardCard[]> {
  const result = (await tx.execute(sql`
    select d.stage_id as "stageId", d.id, d.name, d.amount::text as amount, d.currency, d.close_date::text as "closeDate", d.owner_id as "ownerId",
      u.name as "ownerName", c.name as "companyName", d.stage_entered_at as "stageEnteredAt",
      (select count(*)::int from ${dealSteps} ds
        join ${stageSteps} st on st.workspace_id = ds.workspace_id and st.id = ds.step_id
        join ${activities} a on a.workspace_id = ds.workspace_id and a.id = ds.activity_id
        where ds.workspace_id = d.workspace_id and ds.deal_id = d.id and st.stage_id = d.stage_id
          and st.is_required and st.archived_at is null and a.done_at is null) as "openRequiredSteps"
    from ${pipelineStages} s
    cross join lateral (
      select * from ${deals} d
      where ${boardDeals(workspaceId, pipelineId, filter)} and d.stage_id = s.id
      -- nulls last as in deals_board_idx, so the index gives the order and the limit stops early.
      order by d.updated_at desc nulls last, d.id desc nulls last
      limit ${limit}
    ) d
    left join ${users} u on u.id = d.owner_id
    left join ${companies} c on c.workspace_id = d.workspace_id and c.id = d.company_id
    where s.workspace_id = ${workspaceId}::uuid and s.pipeline_id = ${pipelineId}::uuid and s.archived_at is null
    order by s.position, d.updated_at desc, d.id desc`)) as unknown as Rows<Omit<BoardCard, "amount" | "stageEnteredAt" | "openRequiredSteps"> & { amount: string; stageEnteredAt: Date | string; openRequiredSteps: number | string }>;
  return result.rows.map((row) => ({
    ...row,
    amount: Number(row.amount),
    stageEnteredAt: new Date(row.stageEnteredAt),
    openRequiredSteps: Number(row.openRequiredSteps),
  }));
}
