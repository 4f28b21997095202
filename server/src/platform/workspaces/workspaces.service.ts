import type { CreateInvitationInput, CreateTeamInput, UpdateMemberInput } from "../../../../contracts/index.js";
import { roleRank } from "../../../../contracts/index.js";
import type { Config } from "../../config.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace } from "../../db/workspace-transaction.js";
import type { CallerCache } from "../auth/caller-cache.js";
import type { Caller } from "../auth/caller.js";
import { hashToken, newToken } from "../auth/secrets.js";
import { conflict, forbidden, invalidField, notFound } from "../http/app-error.js";
import * as repository from "./workspaces.repository.js";

export function createWorkspacesService({ db, config, callers }: { db: Database; config: Config; callers: CallerCache }) {
  return {
    listMembers: (caller: Caller) => inWorkspace(db, caller.workspaceId, (tx) => repository.listMembers(tx, caller.workspaceId)),

    /** Admins manage members; nobody grants more than they hold, and a workspace keeps an owner. */
    updateMember(caller: Caller, userId: string, input: UpdateMemberInput) {
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        const member = await repository.findMember(tx, caller.workspaceId, userId);
        if (!member) throw notFound("Member");
        if (input.role && roleRank[input.role] > roleRank[caller.role]) throw forbidden(`Your role (${caller.role}) cannot grant the role ${input.role}.`);
        if (input.role && input.role !== member.role && roleRank[member.role] > roleRank[caller.role]) {
          throw forbidden(`Your role (${caller.role}) cannot change the role of a ${member.role}.`);
        }
        if (member.role === "owner" && input.role && input.role !== "owner" && (await repository.countOwners(tx, caller.workspaceId)) === 1) {
          throw conflict("A workspace needs at least one owner; make someone else owner first.", [{ path: "body.role", message: "would leave no owner" }]);
        }
        if (input.teamId && !(await repository.findTeam(tx, caller.workspaceId, input.teamId))) throw invalidField("body.teamId", "is not a team of this workspace");
        await repository.updateMember(tx, caller.workspaceId, userId, { ...input, updatedAt: new Date() });
        return (await repository.findMember(tx, caller.workspaceId, userId))!;
      }).finally(() => callers.forgetMember(caller.workspaceId, userId));
    },

    listTeams: (caller: Caller) => inWorkspace(db, caller.workspaceId, (tx) => repository.listTeams(tx, caller.workspaceId)),

    createTeam(caller: Caller, input: CreateTeamInput) {
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        const now = new Date();
        const team = { workspaceId: caller.workspaceId, id: newId(), name: input.name, createdAt: now, updatedAt: now, createdBy: caller.userId };
        await repository.insertTeam(tx, team);
        return { id: team.id, name: team.name, createdAt: now, memberCount: 0 };
      });
    },

    listInvitations: (caller: Caller) => inWorkspace(db, caller.workspaceId, (tx) => repository.listInvitations(tx, caller.workspaceId)),

    createInvitation(caller: Caller, input: CreateInvitationInput) {
      if (roleRank[input.role] > roleRank[caller.role]) throw forbidden(`Your role (${caller.role}) cannot invite someone as ${input.role}.`);
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        const now = new Date();
        const token = newToken("inv_");
        const invitation = {
          workspaceId: caller.workspaceId,
          id: newId(),
          email: input.email,
          role: input.role,
          tokenHash: hashToken(token),
          expiresAt: new Date(now.getTime() + config.invitationDays * 86_400_000),
          createdAt: now,
          updatedAt: now,
          createdBy: caller.userId,
        };
        await repository.insertInvitation(tx, invitation);
        return { id: invitation.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt, acceptedAt: null, createdAt: now, token };
      });
    },

    revokeInvitation(caller: Caller, id: string) {
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        if (!(await repository.revokeInvitation(tx, caller.workspaceId, id))) throw notFound("Invitation");
      });
    },
  };
}

export type WorkspacesService = ReturnType<typeof createWorkspacesService>;
