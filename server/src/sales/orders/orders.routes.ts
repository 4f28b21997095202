import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DocumentExternalIdParams, IdParams, ListQuery, Order, OrderList, UpsertOrderInput } from "../../../../contracts/index.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import type { OrdersService } from "./orders.service.js";

export const DocumentListQuery = ListQuery.omit({ trash: true, q: true });

export const ordersRoutes: FastifyPluginAsyncZod<{ orders: OrdersService }> = async (app, { orders }) => {
  const tags = ["orders"];

  app.get("/orders", { config: { permission: "records:read" }, schema: { tags, querystring: DocumentListQuery, response: { 200: OrderList } } }, (request) =>
    orders.list(callerOf(request), request.query),
  );

  app.get("/orders/:id", { config: { permission: "records:read" }, schema: { tags, params: IdParams, response: { 200: Order } } }, (request) =>
    orders.get(callerOf(request), request.params.id),
  );

  app.put(
    "/orders/external/:externalId",
    {
      config: { permission: "records:create" },
      schema: { tags, description: "Creates or updates an ERP's order by its id there (201 created, 200 updated).", params: DocumentExternalIdParams, body: UpsertOrderInput, response: { 200: Order, 201: Order } },
    },
    async (request, reply) => {
      const { order, isCreated } = await orders.upsertExternal(callerOf(request), request.params.externalId, request.body);
      return reply.status(isCreated ? 201 : 200).send(order);
    },
  );

  app.get(
    "/contacts/:id/purchases",
    { config: { permission: "records:read" }, schema: { tags, description: "The contact's orders, newest first.", params: IdParams, querystring: DocumentListQuery, response: { 200: OrderList } } },
    (request) => orders.purchases(callerOf(request), { contactId: request.params.id }, request.query),
  );

  app.get(
    "/companies/:id/purchases",
    { config: { permission: "records:read" }, schema: { tags, description: "The company's orders, newest first.", params: IdParams, querystring: DocumentListQuery, response: { 200: OrderList } } },
    (request) => orders.purchases(callerOf(request), { companyId: request.params.id }, request.query),
  );
};
