import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CreateCustomFieldInput, CustomField, CustomFieldList, CustomFieldListQuery, IdParams, UpdateCustomFieldInput } from "../../../../contracts/index.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import type { CustomFieldsService } from "./custom-fields.service.js";

export const customFieldsRoutes: FastifyPluginAsyncZod<{ customFields: CustomFieldsService }> = async (app, { customFields }) => {
  const tags = ["custom fields"];

  // Everyone who reads records reads the definitions: forms, columns and filters are built from them.
  app.get("/custom-fields", { config: { permission: "records:read" }, schema: { tags, querystring: CustomFieldListQuery, response: { 200: CustomFieldList } } }, async (request) => ({
    data: await customFields.list(callerOf(request), request.query),
  }));

  app.post("/custom-fields", { config: { permission: "custom_fields:manage" }, schema: { tags, body: CreateCustomFieldInput, response: { 201: CustomField } } }, async (request, reply) =>
    reply.status(201).send(await customFields.create(callerOf(request), request.body)),
  );

  app.patch(
    "/custom-fields/:id",
    { config: { permission: "custom_fields:manage" }, schema: { tags, params: IdParams, body: UpdateCustomFieldInput, response: { 200: CustomField } } },
    (request) => customFields.update(callerOf(request), request.params.id, request.body),
  );

  app.delete("/custom-fields/:id", { config: { permission: "custom_fields:manage" }, schema: { tags, params: IdParams } }, async (request, reply) => {
    await customFields.remove(callerOf(request), request.params.id);
    return reply.status(204).send();
  });
};
