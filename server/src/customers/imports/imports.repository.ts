import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { importErrors, imports } from "./imports.schema.js";

export type ImportRow = typeof imports.$inferSelect;

export async function insertImport(tx: Transaction, values: typeof imports.$inferInsert) {
  await tx.insert(imports).values(values);
}

export async function findImport(tx: Transaction, workspaceId: string, id: string): Promise<ImportRow | undefined> {
  const [row] = await tx.select().from(imports).where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id)));
  return row;
}

/** The import's row, locked until the transaction ends: one chunk commits at a time, whoever runs it. */
export async function lockImport(tx: Transaction, workspaceId: string, id: string): Promise<ImportRow | undefined> {
  const [row] = await tx.select().from(imports).where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id))).for("update");
  return row;
}

export async function listImports(tx: Transaction, workspaceId: string, createdBy: string | undefined, limit: number) {
  return tx
    .select()
    .from(imports)
    .where(and(eq(imports.workspaceId, workspaceId), createdBy ? eq(imports.createdBy, createdBy) : undefined))
    .orderBy(desc(imports.createdAt))
    .limit(limit);
}

export async function updateImport(tx: Transaction, workspaceId: string, id: string, values: Partial<typeof imports.$inferInsert>) {
  await tx
    .update(imports)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id)));
}

export interface ChunkCounts {
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  companiesCreated: number;
}

export async function addCounts(tx: Transaction, workspaceId: string, id: string, counts: ChunkCounts) {
  await tx
    .update(imports)
    .set({
      processed: sql`${imports.processed} + ${counts.processed}`,
      created: sql`${imports.created} + ${counts.created}`,
      updated: sql`${imports.updated} + ${counts.updated}`,
      skipped: sql`${imports.skipped} + ${counts.skipped}`,
      failed: sql`${imports.failed} + ${counts.failed}`,
      companiesCreated: sql`${imports.companiesCreated} + ${counts.companiesCreated}`,
      updatedAt: new Date(),
    })
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id)));
}

export interface RejectedRow {
  rowNumber: number;
  values: string[];
  reason: string;
}

export async function insertErrors(tx: Transaction, workspaceId: string, importId: string, rows: RejectedRow[]) {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((row) => ({ row_number: row.rowNumber, values: row.values, reason: row.reason })));
  await tx.execute(sql`
    insert into import_errors (workspace_id, import_id, row_number, "values", reason)
    select ${workspaceId}::uuid, ${importId}::uuid, r.row_number, r."values", r.reason
    from jsonb_to_recordset(${json}::jsonb) as r(row_number integer, "values" text[], reason text)`);
}

/** Rejected rows in file order, a page at a time (the errors CSV streams them). */
export async function errorsAfter(tx: Transaction, workspaceId: string, importId: string, afterRow: number, limit: number) {
  return tx
    .select({ rowNumber: importErrors.rowNumber, values: importErrors.values, reason: importErrors.reason })
    .from(importErrors)
    .where(and(eq(importErrors.workspaceId, workspaceId), eq(importErrors.importId, importId), sql`${importErrors.rowNumber} > ${afterRow}`))
    .orderBy(asc(importErrors.rowNumber))
    .limit(limit);
}

/** Imports a stop or crash left unfinished, in every workspace (through a function: see migration 0012). */
export async function unfinishedImports(db: Database): Promise<{ workspaceId: string; id: string }[]> {
  const result = (await db.execute(sql`select workspace_id, id from unfinished_imports()`)) as unknown as { rows: { workspace_id: string; id: string }[] };
  return result.rows.map((row) => ({ workspaceId: row.workspace_id, id: row.id }));
}
