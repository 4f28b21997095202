import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CreateInvitationInput, CreateTeamInput, CreatedInvitation, IdParams, Invitation, Member, MemberParams, Team, UpdateMemberInput } from "../../../../contracts/index.js";
import { callerOf } from "../http/fastify-types.js";
import { iso, isoOrNull } from "../http/iso.js";
import type { WorkspacesService } from "./workspaces.service.js";

const toMember = (row: Omit<Member, "joinedAt"> & { joinedAt: Date }) => ({ ...row, joinedAt: iso(row.joinedAt) });
const toInvitation = (row: { expiresAt: Date; acceptedAt: Date | null; createdAt: Date } & Pick<Invitation, "id" | "email" | "role">) => ({
  ...row,
  expiresAt: iso(row.expiresAt),
  acceptedAt: isoOrNull(row.acceptedAt),
  createdAt: iso(row.createdAt),
});

export const workspacesRoutes: FastifyPluginAsyncZod<{ workspaces: WorkspacesService }> = async (app, { workspaces }) => {
  app.get("/members", { config: { permission: "members:read" }, schema: { tags: ["members"], response: { 200: z.object({ data: z.array(Member) }) } } }, async (request) => ({
    data: (await workspaces.listMembers(callerOf(request))).map(toMember),
  }));

  app.patch(
    "/members/:userId",
    { config: { permission: "members:manage" }, schema: { tags: ["members"], params: MemberParams, body: UpdateMemberInput, response: { 200: Member } } },
    async (request) => toMember(await workspaces.updateMember(callerOf(request), request.params.userId, request.body)),
  );

  app.get("/teams", { config: { permission: "members:read" }, schema: { tags: ["teams"], response: { 200: z.object({ data: z.array(Team) }) } } }, async (request) => ({
    data: (await workspaces.listTeams(callerOf(request))).map((team) => ({ ...team, createdAt: iso(team.createdAt) })),
  }));

  app.post("/teams", { config: { permission: "teams:manage" }, schema: { tags: ["teams"], body: CreateTeamInput, response: { 201: Team } } }, async (request, reply) => {
    const team = await workspaces.createTeam(callerOf(request), request.body);
    return reply.status(201).send({ ...team, createdAt: iso(team.createdAt) });
  });

  app.get(
    "/invitations",
    { config: { permission: "invitations:manage" }, schema: { tags: ["invitations"], response: { 200: z.object({ data: z.array(Invitation) }) } } },
    async (request) => ({ data: (await workspaces.listInvitations(callerOf(request))).map(toInvitation) }),
  );

  app.post(
    "/invitations",
    { config: { permission: "invitations:manage" }, schema: { tags: ["invitations"], body: CreateInvitationInput, response: { 201: CreatedInvitation } } },
    async (request, reply) => {
      const invitation = await workspaces.createInvitation(callerOf(request), request.body);
      return reply.status(201).send({ ...toInvitation(invitation), token: invitation.token });
    },
  );

  app.delete("/invitations/:id", { config: { permission: "invitations:manage" }, schema: { tags: ["invitations"], params: IdParams } }, async (request, reply) => {
    await workspaces.revokeInvitation(callerOf(request), request.params.id);
    return reply.status(204).send();
  });
};
