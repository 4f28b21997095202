/**
 * The platform: sign-up and sessions, workspaces and members, roles and permissions, API keys,
 * the audit log, saved views and the HTTP conventions (errors, query strings) every domain uses.
 */
export { authRoutes } from "./auth/auth.routes.js";
export { createAuthService, type AuthService } from "./auth/auth.service.js";
export { createCallerCache } from "./auth/caller-cache.js";
export type { Caller } from "./auth/caller.js";
export { workspacesRoutes } from "./workspaces/workspaces.routes.js";
export { createWorkspacesService } from "./workspaces/index.js";
export { apiKeysRoutes } from "./api-keys/api-keys.routes.js";
export { createApiKeysService } from "./api-keys/api-keys.service.js";
export { auditRoutes } from "./audit/audit.routes.js";
export { createAuditService } from "./audit/audit.service.js";
export { savedViewsRoutes } from "./views/saved-views.routes.js";
export { createSavedViewsService } from "./views/saved-views.service.js";
export { registerAuthentication } from "./http/authenticate.js";
export { registerErrorHandling } from "./http/error-handler.js";
export { responseSerializerCompiler } from "./http/response-serializer.js";
export { parseQueryString } from "./http/querystring.js";
export { notificationsRoutes, createNotificationsService } from "./notifications/index.js";
export { registerApiDocs } from "./http/api-docs.js";
export type { JobQueue } from "./jobs/index.js";
