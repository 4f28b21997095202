import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CreateSavedViewInput, IdParams, SavedView, SavedViewObject, UpdateSavedViewInput } from "../../../../contracts/index.js";
import { callerOf } from "../http/fastify-types.js";
import type { SavedViewsService } from "./saved-views.service.js";

export const savedViewsRoutes: FastifyPluginAsyncZod<{ views: SavedViewsService }> = async (app, { views }) => {
  const tags = ["views"];
  app.get(
    "/views",
    { config: { permission: "views:manage" }, schema: { tags, querystring: z.strictObject({ object: SavedViewObject }), response: { 200: z.object({ data: z.array(SavedView) }) } } },
    async (request) => ({ data: await views.list(callerOf(request), request.query.object) }),
  );
  app.post("/views", { config: { permission: "views:manage" }, schema: { tags, body: CreateSavedViewInput, response: { 201: SavedView } } }, async (request, reply) =>
    reply.status(201).send(await views.create(callerOf(request), request.body)),
  );
  app.patch("/views/:id", { config: { permission: "views:manage" }, schema: { tags, params: IdParams, body: UpdateSavedViewInput, response: { 200: SavedView } } }, (request) =>
    views.update(callerOf(request), request.params.id, request.body),
  );
  app.delete("/views/:id", { config: { permission: "views:manage" }, schema: { tags, params: IdParams } }, async (request, reply) => {
    await views.remove(callerOf(request), request.params.id);
    return reply.status(204).send();
  });
};
