import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ConsentHistory, ContactDataExport, ErasureResult, FieldPermission, FieldPermissionList, IdParams } from "../../../../contracts/index.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import type { FieldPermissionsService } from "./field-permissions.service.js";
import type { PrivacyService } from "./privacy.service.js";

export const privacyRoutes: FastifyPluginAsyncZod<{ privacy: PrivacyService; fieldPermissions: FieldPermissionsService }> = async (app, { privacy, fieldPermissions }) => {
  const tags = ["privacy"];

  app.get(
    "/contacts/:id/consent-history",
    { config: { permission: "records:read" }, schema: { tags, params: IdParams, response: { 200: ConsentHistory } } },
    (request) => privacy.consentHistory(callerOf(request), request.params.id),
  );

  app.get(
    "/contacts/:id/data-export",
    { config: { permission: "privacy:export" }, schema: { tags, params: IdParams, response: { 200: ContactDataExport } } },
    async (request, reply) => {
      const document = await privacy.exportContact(callerOf(request), request.params.id);
      return reply.header("Content-Disposition", `attachment; filename="contact-${request.params.id}.json"`).send(document);
    },
  );

  app.post(
    "/contacts/:id/erase",
    { config: { permission: "privacy:erase" }, schema: { tags, params: IdParams, response: { 200: ErasureResult } } },
    (request) => privacy.eraseContact(callerOf(request), request.params.id),
  );

  app.get("/field-permissions", { config: { permission: "records:read" }, schema: { tags, response: { 200: FieldPermissionList } } }, (request) =>
    fieldPermissions.list(callerOf(request)),
  );

  app.put(
    "/field-permissions",
    { config: { permission: "field_permissions:manage" }, schema: { tags, body: FieldPermission, response: { 200: FieldPermission } } },
    (request) => fieldPermissions.set(callerOf(request), request.body),
  );
};
