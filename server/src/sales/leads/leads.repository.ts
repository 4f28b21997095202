import { and, asc, eq, ne, sql } from "drizzle-orm";
import { preparedSelect } from "../../db/prepared-queries.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { memberships, teams } from "../../platform/workspaces/workspaces.schema.js";
import { leadAssignmentRules } from "./leads.schema.js";

export type RuleRecord = typeof leadAssignmentRules.$inferSelect;

const ofWorkspace = (workspaceId: string) => eq(leadAssignmentRules.workspaceId, workspaceId);

export function listRules(tx: Transaction, workspaceId: string) {
  return tx.select().from(leadAssignmentRules).where(ofWorkspace(workspaceId)).orderBy(asc(leadAssignmentRules.position), asc(leadAssignmentRules.createdAt), asc(leadAssignmentRules.id));
}

// Every new contact without an owner reads them: one statement text, prepared once per connection.
const activeRules = preparedSelect<RuleRecord>("active_lead_rules", (db) =>
  db
    .select()
    .from(leadAssignmentRules)
    .where(and(eq(leadAssignmentRules.workspaceId, sql.placeholder("workspaceId")), eq(leadAssignmentRules.isActive, true)))
    .orderBy(asc(leadAssignmentRules.position), asc(leadAssignmentRules.createdAt), asc(leadAssignmentRules.id))
    .$dynamic(),
);

export function listActiveRules(tx: Transaction, workspaceId: string) {
  return activeRules(tx, { workspaceId });
}

export async function findRule(tx: Transaction, workspaceId: string, id: string) {
  const [row] = await tx.select().from(leadAssignmentRules).where(and(ofWorkspace(workspaceId), eq(leadAssignmentRules.id, id)));
  return row;
}

/** The rule, locked until the transaction ends: two leads arriving at once take turns on its round robin. */
export async function lockRule(tx: Transaction, workspaceId: string, id: string) {
  const [row] = await tx.select().from(leadAssignmentRules).where(and(ofWorkspace(workspaceId), eq(leadAssignmentRules.id, id))).for("update");
  return row;
}

export async function nextPosition(tx: Transaction, workspaceId: string): Promise<number> {
  const [row] = await tx.select({ next: sql<number>`coalesce(max(${leadAssignmentRules.position}) + 1, 0)::int` }).from(leadAssignmentRules).where(ofWorkspace(workspaceId));
  return Number(row?.next ?? 0);
}

export async function insertRule(tx: Transaction, values: typeof leadAssignmentRules.$inferInsert) {
  await tx.insert(leadAssignmentRules).values(values);
}

export async function updateRule(tx: Transaction, workspaceId: string, id: string, values: Partial<typeof leadAssignmentRules.$inferInsert>) {
  await tx.update(leadAssignmentRules).set(values).where(and(ofWorkspace(workspaceId), eq(leadAssignmentRules.id, id)));
}

export async function deleteRule(tx: Transaction, workspaceId: string, id: string) {
  await tx.delete(leadAssignmentRules).where(and(ofWorkspace(workspaceId), eq(leadAssignmentRules.id, id)));
}

export async function teamExists(tx: Transaction, workspaceId: string, teamId: string): Promise<boolean> {
  const [row] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)));
  return row !== undefined;
}

/** The team's members who can own records, in the order they joined: the round robin's turn order. */
export async function teamRotation(tx: Transaction, workspaceId: string, teamId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.teamId, teamId), ne(memberships.role, "read_only")))
    .orderBy(asc(memberships.createdAt), asc(memberships.userId));
  return rows.map((row) => row.userId);
}
