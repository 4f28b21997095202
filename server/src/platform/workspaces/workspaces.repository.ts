import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { users } from "../auth/auth.schema.js";
import { invitations, memberships, teams, workspaces } from "./workspaces.schema.js";

type Executor = Database | Transaction;

export async function insertWorkspace(db: Executor, values: typeof workspaces.$inferInsert) {
  await db.insert(workspaces).values(values);
}

export async function insertMembership(db: Executor, values: typeof memberships.$inferInsert) {
  await db.insert(memberships).values(values);
}

export async function markInvitationAccepted(db: Executor, workspaceId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: at, updatedAt: at })
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  return rows.length === 1;
}

const memberColumns = {
  userId: memberships.userId,
  name: users.name,
  email: users.email,
  role: memberships.role,
  teamId: memberships.teamId,
  joinedAt: memberships.createdAt,
};

export function listMembers(tx: Transaction, workspaceId: string) {
  return tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name));
}

export async function findMember(tx: Transaction, workspaceId: string, userId: string) {
  const [row] = await tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row;
}

export async function updateMember(tx: Transaction, workspaceId: string, userId: string, values: Partial<typeof memberships.$inferInsert>) {
  await tx.update(memberships).set(values).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
}

export async function countOwners(tx: Transaction, workspaceId: string): Promise<number> {
  const [row] = await tx.select({ value: count() }).from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner")));
  return Number(row.value);
}

export function listTeams(tx: Transaction, workspaceId: string) {
  return tx
    .select({
      id: teams.id,
      name: teams.name,
      createdAt: teams.createdAt,
      memberCount: sql<number>`(select count(*) from ${memberships} where ${memberships.workspaceId} = ${teams.workspaceId} and ${memberships.teamId} = ${teams.id})::int`,
    })
    .from(teams)
    .where(eq(teams.workspaceId, workspaceId))
    .orderBy(asc(teams.name));
}

export async function findTeam(tx: Transaction, workspaceId: string, id: string) {
  const [row] = await tx.select().from(teams).where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, id)));
  return row;
}

export async function insertTeam(tx: Transaction, values: typeof teams.$inferInsert) {
  await tx.insert(teams).values(values);
}

export async function insertInvitation(tx: Transaction, values: typeof invitations.$inferInsert) {
  await tx.insert(invitations).values(values);
}

const invitationColumns = {
  id: invitations.id,
  email: invitations.email,
  role: invitations.role,
  expiresAt: invitations.expiresAt,
  acceptedAt: invitations.acceptedAt,
  createdAt: invitations.createdAt,
};

export function listInvitations(tx: Transaction, workspaceId: string) {
  return tx
    .select(invitationColumns)
    .from(invitations)
    .where(and(eq(invitations.workspaceId, workspaceId), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt));
}

export async function revokeInvitation(tx: Transaction, workspaceId: string, id: string): Promise<boolean> {
  const rows = await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, id), isNull(invitations.revokedAt), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  return rows.length === 1;
}
