import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { apiKeys } from "../api-keys/api-keys.schema.js";
import { invitations, memberships, workspaces } from "../workspaces/workspaces.schema.js";
import { loginFailures, sessions, users } from "./auth.schema.js";

/**
 * Look-ups made before the workspace is known (sign-in, session and API-key resolution),
 * so they run as the login role rather than inside a workspace transaction.
 */
type Executor = Database | Transaction;

export async function findUserByEmail(db: Executor, email: string) {
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1);
  return user;
}

export async function hasAnyWorkspace(db: Executor): Promise<boolean> {
  const [row] = await db.select({ id: workspaces.id }).from(workspaces).limit(1);
  return Boolean(row);
}

export async function findSessionCaller(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ userId: sessions.userId, workspaceId: sessions.workspaceId, role: memberships.role, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(memberships, and(eq(memberships.userId, sessions.userId), eq(memberships.workspaceId, sessions.workspaceId)))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return row;
}

/** A live key with its creator's current role in the key's workspace (no row once the creator has left). */
export async function findApiKeyCaller(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ id: apiKeys.id, workspaceId: apiKeys.workspaceId, role: apiKeys.role, creatorRole: memberships.role, createdBy: apiKeys.createdBy, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .innerJoin(memberships, and(eq(memberships.workspaceId, apiKeys.workspaceId), eq(memberships.userId, apiKeys.createdBy)))
    .where(and(eq(apiKeys.tokenHash, tokenHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row;
}

export async function touchApiKey(db: Executor, workspaceId: string, id: string) {
  await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id)));
}

export async function insertSession(db: Executor, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

export async function deleteSession(db: Executor, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function updateSessionWorkspace(db: Executor, tokenHash: string, workspaceId: string) {
  await db.update(sessions).set({ workspaceId }).where(eq(sessions.tokenHash, tokenHash));
}

export async function listUserWorkspaces(db: Executor, userId: string) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}

export async function findUserById(db: Executor, id: string) {
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, id));
  return user;
}

export async function findPendingInvitation(db: Executor, tokenHash: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .limit(1);
  return row;
}

export async function readLoginFailures(db: Executor, email: string) {
  const [row] = await db.select().from(loginFailures).where(eq(loginFailures.email, email));
  return row;
}

export async function recordLoginFailure(db: Executor, email: string, windowMinutes: number) {
  const now = new Date();
  await db
    .insert(loginFailures)
    .values({ email, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginFailures.email,
      set: {
        failures: sql`case when ${loginFailures.windowStartedAt} < ${new Date(now.getTime() - windowMinutes * 60_000).toISOString()}::timestamptz then 1 else ${loginFailures.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginFailures.windowStartedAt} < ${new Date(now.getTime() - windowMinutes * 60_000).toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${loginFailures.windowStartedAt} end`,
      },
    });
}

export async function clearLoginFailures(db: Executor, email: string) {
  await db.delete(loginFailures).where(eq(loginFailures.email, email));
}
