import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AcceptInvitationInput, AuthResult, LoginInput, Me, SetupStatus, SignupInput, SwitchWorkspaceInput } from "../../../../contracts/index.js";
import type { Config } from "../../config.js";
import { sessionCookie } from "../http/authenticate.js";
import { callerOf } from "../http/fastify-types.js";
import type { AuthService, SessionStart } from "./auth.service.js";

export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService; config: Config }> = async (app, { auth, config }) => {
  function setSession(reply: FastifyReply, session: SessionStart) {
    reply.setCookie(sessionCookie, session.sessionToken, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: config.isSecureCookies,
      expires: session.expiresAt,
    });
    return { user: session.user, workspace: session.workspace, role: session.role };
  }

  app.get("/auth/setup-status", { config: { isPublic: true }, schema: { tags: ["auth"], response: { 200: SetupStatus } } }, () => auth.setupStatus());

  app.post("/auth/signup", { config: { isPublic: true }, schema: { tags: ["auth"], body: SignupInput, response: { 201: AuthResult } } }, async (request, reply) => {
    const session = await auth.signup(request.body);
    return reply.status(201).send(setSession(reply, session));
  });

  app.post("/auth/login", { config: { isPublic: true }, schema: { tags: ["auth"], body: LoginInput, response: { 200: AuthResult } } }, async (request, reply) =>
    setSession(reply, await auth.login(request.body)),
  );

  app.post(
    "/auth/accept-invitation",
    { config: { isPublic: true }, schema: { tags: ["auth"], body: AcceptInvitationInput, response: { 201: AuthResult } } },
    async (request, reply) => {
      const session = await auth.acceptInvitation(request.body);
      return reply.status(201).send(setSession(reply, session));
    },
  );

  app.post("/auth/logout", { config: { permission: "session" }, schema: { tags: ["auth"] } }, async (request, reply) => {
    await auth.logout(callerOf(request));
    reply.clearCookie(sessionCookie, { path: "/" });
    return reply.status(204).send();
  });

  app.get("/auth/me", { config: { permission: "session" }, schema: { tags: ["auth"], response: { 200: Me } } }, (request) => auth.me(callerOf(request)));

  app.post(
    "/auth/switch-workspace",
    { config: { permission: "session" }, schema: { tags: ["auth"], body: SwitchWorkspaceInput, response: { 204: z.null() } } },
    async (request, reply) => {
      await auth.switchWorkspace(callerOf(request), request.body.workspaceId);
      return reply.status(204).send(null);
    },
  );
};
