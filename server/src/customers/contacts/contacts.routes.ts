import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Contact, ContactList, CreateContactInput, IdParams, ListQuery, UpdateContactInput } from "../../../../contracts/index.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import type { ContactsService } from "./contacts.service.js";

export const contactsRoutes: FastifyPluginAsyncZod<{ contacts: ContactsService }> = async (app, { contacts }) => {
  const tags = ["contacts"];

  app.get("/contacts", { config: { permission: "records:read" }, schema: { tags, querystring: ListQuery, response: { 200: ContactList } } }, (request) =>
    contacts.list(callerOf(request), request.query),
  );

  app.post("/contacts", { config: { permission: "records:create" }, schema: { tags, body: CreateContactInput, response: { 201: Contact } } }, async (request, reply) =>
    reply.status(201).send(await contacts.create(callerOf(request), request.body)),
  );

  app.get("/contacts/:id", { config: { permission: "records:read" }, schema: { tags, params: IdParams, response: { 200: Contact } } }, (request) =>
    contacts.get(callerOf(request), request.params.id),
  );

  app.patch(
    "/contacts/:id",
    { config: { permission: "records:write" }, schema: { tags, params: IdParams, body: UpdateContactInput, response: { 200: Contact } } },
    (request) => contacts.update(callerOf(request), request.params.id, request.body),
  );

  app.delete("/contacts/:id", { config: { permission: "records:delete" }, schema: { tags, params: IdParams } }, async (request, reply) => {
    await contacts.remove(callerOf(request), request.params.id);
    return reply.status(204).send();
  });

  app.post("/contacts/:id/restore", { config: { permission: "records:delete" }, schema: { tags, params: IdParams, response: { 200: Contact } } }, (request) =>
    contacts.restore(callerOf(request), request.params.id),
  );

  app.delete("/contacts/:id/purge", { config: { permission: "records:hard_delete" }, schema: { tags, params: IdParams } }, async (request, reply) => {
    await contacts.purge(callerOf(request), request.params.id);
    return reply.status(204).send();
  });
};
