import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AuditEntry, Id } from "../../../../contracts/index.js";
import { callerOf } from "../http/fastify-types.js";
import type { AuditService } from "./audit.service.js";

const AuditQuery = z.strictObject({
  entityType: z.enum(["contact", "company", "custom_field", "attachment", "field_permission", "deal", "pipeline", "sales_settings"]),
  entityId: Id,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (app, { audit }) => {
  app.get(
    "/audit",
    { config: { permission: "audit:read" }, schema: { tags: ["audit"], querystring: AuditQuery, response: { 200: z.object({ data: z.array(AuditEntry), nextCursor: z.string().nullable() }) } } },
    (request) => audit.list(callerOf(request), request.query),
  );
};
