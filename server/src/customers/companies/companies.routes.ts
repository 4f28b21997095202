import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Company, CompanyList, ContactList, CreateCompanyInput, IdParams, ListQuery, UpdateCompanyInput } from "../../../../contracts/index.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import type { ContactsService } from "../contacts/contacts.service.js";
import type { CompaniesService } from "./companies.service.js";

export const companiesRoutes: FastifyPluginAsyncZod<{ companies: CompaniesService; contacts: ContactsService }> = async (app, { companies, contacts }) => {
  const tags = ["companies"];

  app.get("/companies", { config: { permission: "records:read" }, schema: { tags, querystring: ListQuery, response: { 200: CompanyList } } }, (request) =>
    companies.list(callerOf(request), request.query),
  );

  app.post("/companies", { config: { permission: "records:create" }, schema: { tags, body: CreateCompanyInput, response: { 201: Company } } }, async (request, reply) =>
    reply.status(201).send(await companies.create(callerOf(request), request.body)),
  );

  app.get("/companies/:id", { config: { permission: "records:read" }, schema: { tags, params: IdParams, response: { 200: Company } } }, (request) =>
    companies.get(callerOf(request), request.params.id),
  );

  app.get(
    "/companies/:id/contacts",
    { config: { permission: "records:read" }, schema: { tags, params: IdParams, querystring: ListQuery, response: { 200: ContactList } } },
    async (request) => {
      const caller = callerOf(request);
      await companies.assertVisible(caller, request.params.id);
      return contacts.list(caller, { ...request.query, companyId: request.params.id });
    },
  );

  app.patch(
    "/companies/:id",
    { config: { permission: "records:write" }, schema: { tags, params: IdParams, body: UpdateCompanyInput, response: { 200: Company } } },
    (request) => companies.update(callerOf(request), request.params.id, request.body),
  );

  app.delete("/companies/:id", { config: { permission: "records:delete" }, schema: { tags, params: IdParams } }, async (request, reply) => {
    await companies.remove(callerOf(request), request.params.id);
    return reply.status(204).send();
  });

  app.post("/companies/:id/restore", { config: { permission: "records:delete" }, schema: { tags, params: IdParams, response: { 200: Company } } }, (request) =>
    companies.restore(callerOf(request), request.params.id),
  );

  app.delete("/companies/:id/purge", { config: { permission: "records:hard_delete" }, schema: { tags, params: IdParams } }, async (request, reply) => {
    await companies.purge(callerOf(request), request.params.id);
    return reply.status(204).send();
  });
};
