import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { CustomFieldObject } from "../../../../contracts/index.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { companies } from "../companies/companies.schema.js";
import { contacts } from "../contacts/contacts.schema.js";
import { deals } from "../../sales/deals/deals.schema.js";
import { customFields } from "./custom-fields.schema.js";

export type CustomFieldRow = typeof customFields.$inferSelect;

/** The table whose `custom` column holds an object's values. */
export const recordTables = { contact: contacts, company: companies, deal: deals } as const;
export const recordTableNames = { contact: "contacts", company: "companies", deal: "deals" } as const;

export function listDefinitions(tx: Transaction, workspaceId: string, filter: { object?: CustomFieldObject; includeArchived: boolean }) {
  return tx
    .select()
    .from(customFields)
    .where(
      and(
        eq(customFields.workspaceId, workspaceId),
        filter.object ? eq(customFields.object, filter.object) : undefined,
        filter.includeArchived ? undefined : isNull(customFields.archivedAt),
      ),
    )
    .orderBy(asc(customFields.object), asc(customFields.position), asc(customFields.createdAt));
}

export async function findDefinition(tx: Transaction, workspaceId: string, id: string) {
  const [row] = await tx.select().from(customFields).where(and(eq(customFields.workspaceId, workspaceId), eq(customFields.id, id)));
  return row;
}

export async function findDefinitionByKey(tx: Transaction, workspaceId: string, object: CustomFieldObject, key: string) {
  const [row] = await tx
    .select({ id: customFields.id })
    .from(customFields)
    .where(and(eq(customFields.workspaceId, workspaceId), eq(customFields.object, object), eq(customFields.key, key)));
  return row;
}

export async function countDefinitions(tx: Transaction, workspaceId: string, object: CustomFieldObject) {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int`, nextPosition: sql<number>`coalesce(max(${customFields.position}) + 1, 0)::int` })
    .from(customFields)
    .where(and(eq(customFields.workspaceId, workspaceId), eq(customFields.object, object)));
  return { count: Number(row.count), nextPosition: Number(row.nextPosition) };
}

export async function insertDefinition(tx: Transaction, values: typeof customFields.$inferInsert) {
  const [row] = await tx.insert(customFields).values(values).returning();
  return row;
}

export async function updateDefinition(tx: Transaction, workspaceId: string, id: string, values: Partial<typeof customFields.$inferInsert>) {
  const [row] = await tx.update(customFields).set(values).where(and(eq(customFields.workspaceId, workspaceId), eq(customFields.id, id))).returning();
  return row;
}

export async function deleteDefinition(tx: Transaction, workspaceId: string, id: string) {
  await tx.delete(customFields).where(and(eq(customFields.workspaceId, workspaceId), eq(customFields.id, id)));
}

/** Removes a deleted field's values from every record, so a new field may reuse the key with another type. */
export async function stripValues(tx: Transaction, workspaceId: string, object: CustomFieldObject, key: string) {
  const table = recordTables[object];
  await tx
    .update(table)
    .set({ custom: sql`${table.custom} - ${key}::text` })
    .where(and(eq(table.workspaceId, workspaceId), sql`jsonb_exists(${table.custom}, ${key}::text)`));
}
