import type { AcceptInvitationInput, AuthResult, LoginInput, Me, SignupInput } from "../../../../contracts/index.js";
import { roleRank, rolePermissions } from "../../../../contracts/index.js";
import type { Config } from "../../config.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { AppError, conflict, forbidden } from "../http/app-error.js";
import { insertMembership, insertWorkspace, markInvitationAccepted } from "../workspaces/workspaces.repository.js";
import { insertUser } from "./users.repository.js";
import * as repository from "./auth.repository.js";
import type { CallerCache } from "./caller-cache.js";
import type { Caller } from "./caller.js";
import { decoyPasswordHash, hashPassword, hashToken, newToken, verifyPassword } from "./secrets.js";

const maxFailures = 5;
const failureWindowMinutes = 15;

export interface SessionStart extends AuthResult {
  sessionToken: string;
  expiresAt: Date;
}

/** callers: resolved sessions and keys for a few seconds; this service forgets the ones it ends or moves. */
export function createAuthService({ db, config, callers }: { db: Database; config: Config; callers: CallerCache }) {
  async function startSession(executor: Parameters<typeof repository.insertSession>[0], userId: string, workspaceId: string) {
    const sessionToken = newToken();
    const expiresAt = new Date(Date.now() + config.sessionDays * 86_400_000);
    await repository.insertSession(executor, { tokenHash: hashToken(sessionToken), userId, workspaceId, expiresAt, createdAt: new Date() });
    return { sessionToken, expiresAt };
  }

  return {
    async setupStatus() {
      const hasWorkspace = await repository.hasAnyWorkspace(db);
      return { hasWorkspace, isSignupOpen: config.isSignupOpen || !hasWorkspace };
    },

    /** The first sign-up creates the first workspace; later ones only in hosted mode (PILLAR_SIGNUP=open). */
    async signup(input: SignupInput): Promise<SessionStart> {
      const { isSignupOpen } = await this.setupStatus();
      if (!isSignupOpen) throw forbidden("Sign-up is closed on this server; ask an admin of your workspace for an invitation.");
      if (await repository.findUserByEmail(db, input.email)) {
        throw conflict("An account with this e-mail already exists; log in instead.", [{ path: "body.email", message: "is already registered" }]);
      }
      const passwordHash = await hashPassword(input.password);
      return db.transaction(async (tx) => {
        const now = new Date();
        const user = { id: newId(), email: input.email, name: input.name, passwordHash, createdAt: now, updatedAt: now };
        await insertUser(tx, user);
        const workspace = { id: newId(), name: input.workspaceName, createdAt: now, updatedAt: now };
        await insertWorkspace(tx, workspace);
        await insertMembership(tx, { workspaceId: workspace.id, userId: user.id, role: "owner", createdAt: now, updatedAt: now });
        const session = await startSession(tx, user.id, workspace.id);
        return { user: { id: user.id, name: user.name, email: user.email }, workspace: { id: workspace.id, name: workspace.name }, role: "owner" as const, ...session };
      });
    },

    async login(input: LoginInput): Promise<SessionStart> {
      const failures = await repository.readLoginFailures(db, input.email);
      const windowStart = Date.now() - failureWindowMinutes * 60_000;
      if (failures && failures.failures >= maxFailures && failures.windowStartedAt.getTime() > windowStart) {
        const retryAfterSeconds = Math.ceil((failures.windowStartedAt.getTime() - windowStart) / 1000);
        throw new AppError(429, "Too Many Requests", `Too many failed logins for this e-mail; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`, undefined, {
          retryAfterSeconds,
        });
      }
      const user = await repository.findUserByEmail(db, input.email);
      const isValid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash), input.password);
      if (!user || !isValid) {
        await repository.recordLoginFailure(db, input.email, failureWindowMinutes);
        throw new AppError(401, "Unauthorized", "The e-mail or password is not correct.");
      }
      await repository.clearLoginFailures(db, input.email);
      const [workspace] = await repository.listUserWorkspaces(db, user.id);
      if (!workspace) throw forbidden("This account no longer belongs to any workspace.");
      const session = await startSession(db, user.id, workspace.id);
      return { user: { id: user.id, name: user.name, email: user.email }, workspace: { id: workspace.id, name: workspace.name }, role: workspace.role, ...session };
    },

    async logout(caller: Caller) {
      if (!caller.sessionTokenHash) return;
      await repository.deleteSession(db, caller.sessionTokenHash);
      callers.forgetToken(caller.sessionTokenHash);
    },

    /** An invitation link works once and until it expires; an existing account joins with its own password. */
    async acceptInvitation(input: AcceptInvitationInput): Promise<SessionStart> {
      const invitation = await repository.findPendingInvitation(db, hashToken(input.token));
      if (!invitation || invitation.expiresAt.getTime() < Date.now()) {
        throw new AppError(410, "Gone", "This invitation link is not valid any more; ask for a new one.", [{ path: "body.token", message: "is used, revoked or expired" }]);
      }
      const existing = await repository.findUserByEmail(db, invitation.email);
      if (existing && !(await verifyPassword(existing.passwordHash, input.password))) {
        throw new AppError(401, "Unauthorized", "An account with this e-mail exists; enter its password to join.", [{ path: "body.password", message: "does not match the existing account" }]);
      }
      const passwordHash = existing ? existing.passwordHash : await hashPassword(input.password);
      return db.transaction(async (tx) => {
        const now = new Date();
        const isAccepted = await markInvitationAccepted(tx, invitation.workspaceId, invitation.id, now);
        if (!isAccepted) throw new AppError(410, "Gone", "This invitation was used already.");
        const user = existing ?? { id: newId(), email: invitation.email, name: input.name, passwordHash, createdAt: now, updatedAt: now };
        if (!existing) await insertUser(tx, user);
        await insertMembership(tx, { workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role, createdAt: now, updatedAt: now }).catch(() => {
          throw conflict("You are a member of this workspace already.");
        });
        const session = await startSession(tx, user.id, invitation.workspaceId);
        const [workspace] = (await repository.listUserWorkspaces(tx, user.id)).filter((entry) => entry.id === invitation.workspaceId);
        return { user: { id: user.id, name: user.name, email: user.email }, workspace: { id: workspace.id, name: workspace.name }, role: invitation.role, ...session };
      });
    },

    async me(caller: Caller): Promise<Me> {
      const [user, workspaces] = await Promise.all([repository.findUserById(db, caller.userId), repository.listUserWorkspaces(db, caller.userId)]);
      const workspace = workspaces.find((entry) => entry.id === caller.workspaceId)!;
      return {
        user,
        workspace: { id: workspace.id, name: workspace.name },
        role: caller.role,
        permissions: [...rolePermissions[caller.role]],
        workspaces,
        via: caller.via,
      };
    },

    async switchWorkspace(caller: Caller, workspaceId: string) {
      if (!caller.sessionTokenHash) throw forbidden("API keys belong to one workspace and cannot switch.");
      const workspaces = await repository.listUserWorkspaces(db, caller.userId);
      if (!workspaces.some((entry) => entry.id === workspaceId)) throw new AppError(404, "Not Found", "Workspace was not found.");
      await repository.updateSessionWorkspace(db, caller.sessionTokenHash, workspaceId);
      callers.forgetToken(caller.sessionTokenHash);
    },

    /** Resolves a session cookie or a bearer API key to a caller; null when neither is valid. */
    async resolveCaller(sessionToken: string | undefined, bearer: string | undefined): Promise<Caller | null> {
      if (bearer) {
        return callers.resolve(hashToken(bearer), async () => {
          const key = await repository.findApiKeyCaller(db, hashToken(bearer));
          if (!key || !key.createdBy) return null;
          // Recording every use would add a write to each request; once a minute is enough to show activity.
          if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) await repository.touchApiKey(db, key.workspaceId, key.id);
          // A key never carries more than its creator holds now (a demoted admin's keys are demoted too).
          const role = roleRank[key.creatorRole] < roleRank[key.role] ? key.creatorRole : key.role;
          return { caller: { userId: key.createdBy, apiKeyId: key.id, workspaceId: key.workspaceId, role, via: "api_key", sessionTokenHash: null } };
        });
      }
      if (sessionToken) {
        const tokenHash = hashToken(sessionToken);
        return callers.resolve(tokenHash, async () => {
          const session = await repository.findSessionCaller(db, tokenHash);
          if (!session) return null;
          return {
            caller: { userId: session.userId, apiKeyId: null, workspaceId: session.workspaceId, role: session.role, via: "session", sessionTokenHash: tokenHash },
            validUntil: session.expiresAt,
          };
        });
      }
      return null;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
