import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CompanyExportQuery, ContactExportQuery } from "../../../../contracts/index.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import type { ExportFile, ExportService } from "./export.service.js";

function send(reply: { header: (name: string, value: string) => unknown; send: (body: unknown) => unknown }, file: ExportFile) {
  reply.header("content-type", file.contentType);
  reply.header("content-disposition", `attachment; filename="${file.filename}"`);
  reply.header("cache-control", "no-store");
  return reply.send(file.body);
}

export const exportRoutes: FastifyPluginAsyncZod<{ exports: ExportService }> = async (app, { exports }) => {
  app.get(
    "/contacts/export",
    { config: { permission: "records:read" }, schema: { tags: ["contacts"], querystring: ContactExportQuery, produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/vcard"] } },
    async (request, reply) => send(reply, await exports.contacts(callerOf(request), request.query)),
  );

  app.get(
    "/companies/export",
    { config: { permission: "records:read" }, schema: { tags: ["companies"], querystring: CompanyExportQuery, produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] } },
    async (request, reply) => send(reply, await exports.companies(callerOf(request), request.query)),
  );
};
