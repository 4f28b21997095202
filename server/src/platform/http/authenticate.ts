import type { FastifyInstance } from "fastify";
import { can } from "../../../../contracts/index.js";
import type { AuthService } from "../auth/auth.service.js";
import { AppError } from "./app-error.js";

export const sessionCookie = "pillar_session";

/**
 * Every /api route is authenticated unless it opts out with `config.isPublic`, and must declare
 * the permission it needs; a route with neither fails at start-up, not in production.
 */
export function registerAuthentication(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest("caller", null);

  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/v1")) return;
    const config = route.config as { permission?: string; isPublic?: boolean } | undefined;
    if (!config?.isPublic && !config?.permission) throw new Error(`Route ${route.method} ${route.url} declares no permission and is not public`);
  });

  // onRequest, so an unauthenticated or forbidden caller is turned away before its body is read or validated.
  app.addHook("onRequest", async (request) => {
    const config = request.routeOptions.config;
    if (!request.url.startsWith("/api/v1") || config.isPublic) return;
    const header = request.headers.authorization;
    const bearer = header?.startsWith("Bearer ") ? header.slice(7).trim() : undefined;
    const caller = await auth.resolveCaller(request.cookies[sessionCookie], bearer);
    if (!caller) throw new AppError(401, "Unauthorized", bearer ? "The API key is not valid or was revoked." : "Log in to continue.");
    if (config.permission && !can(caller.role, config.permission)) {
      throw new AppError(403, "Forbidden", `Your role (${caller.role}) does not allow ${config.permission}.`);
    }
    request.caller = caller;
  });
}
