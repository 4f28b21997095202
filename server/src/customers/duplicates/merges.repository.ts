import { and, eq, inArray, sql } from "drizzle-orm";
import type { Transaction } from "../../db/workspace-transaction.js";
import { merges } from "./merges.schema.js";

/** A table holding links to the merged records, and, when a record may link an item once, the item's column. */
export interface RelationSpec {
  table: string;
  column: string;
  uniquePer?: string;
}

export const contactRelations: RelationSpec[] = [
  { table: "activity_links", column: "contact_id", uniquePer: "activity_id" },
  { table: "attachments", column: "contact_id" },
  { table: "consent_history", column: "contact_id" },
];

export const companyRelations: RelationSpec[] = [
  { table: "contacts", column: "company_id" },
  { table: "activity_links", column: "company_id", uniquePer: "activity_id" },
  { table: "attachments", column: "company_id" },
];

export interface MovedRow {
  id: string;
  from: string;
}

/**
 * Points every link of the merged records at the survivor and says which rows moved from where,
 * so an undo can move exactly those back. A link the survivor already has (the same activity)
 * stays on the merged record, which goes to the trash with it.
 */
export async function moveRelation(tx: Transaction, workspaceId: string, spec: RelationSpec, survivorId: string, mergedIds: string[]): Promise<MovedRow[]> {
  const table = sql.raw(spec.table);
  const column = sql.raw(spec.column);
  const ids = sql`array[${sql.join(mergedIds.map((id) => sql`${id}::uuid`), sql`, `)}]`;
  const unique = spec.uniquePer ? sql.raw(spec.uniquePer) : undefined;
  const selection = unique
    ? sql`select distinct on (t.${unique}) t.id, t.${column} as "from" from ${table} t
          where t.workspace_id = ${workspaceId} and t.${column} = any(${ids})
            and not exists (select 1 from ${table} s where s.workspace_id = t.workspace_id and s.${column} = ${survivorId} and s.${unique} = t.${unique})
          order by t.${unique}, t.id`
    : sql`select t.id, t.${column} as "from" from ${table} t where t.workspace_id = ${workspaceId} and t.${column} = any(${ids})`;
  const rows = ((await tx.execute(selection)) as unknown as { rows: MovedRow[] }).rows;
  if (rows.length) await setTarget(tx, workspaceId, spec, survivorId, rows.map((row) => row.id));
  return rows.map((row) => ({ id: row.id, from: row.from }));
}

export async function setTarget(tx: Transaction, workspaceId: string, spec: RelationSpec, targetId: string, rowIds: string[]) {
  const ids = sql`array[${sql.join(rowIds.map((id) => sql`${id}::uuid`), sql`, `)}]`;
  await tx.execute(sql`update ${sql.raw(spec.table)} set ${sql.raw(spec.column)} = ${targetId} where workspace_id = ${workspaceId} and id = any(${ids})`);
}

export async function insertMerge(tx: Transaction, values: typeof merges.$inferInsert) {
  await tx.insert(merges).values(values);
}

export async function findMerge(tx: Transaction, workspaceId: string, id: string) {
  const [row] = await tx.select().from(merges).where(and(eq(merges.workspaceId, workspaceId), eq(merges.id, id))).for("update");
  return row;
}

export async function markUndone(tx: Transaction, workspaceId: string, id: string, userId: string, at: Date) {
  await tx.update(merges).set({ undoneAt: at, undoneBy: userId, updatedAt: at }).where(and(eq(merges.workspaceId, workspaceId), inArray(merges.id, [id])));
}
