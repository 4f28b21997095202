import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CreateTargetInput, IdParams, Target, TargetList, TargetQuery, UpdateTargetInput } from "../../../../contracts/index.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import type { TargetsService } from "./targets.service.js";

export const targetsRoutes: FastifyPluginAsyncZod<{ targets: TargetsService }> = async (app, { targets }) => {
  const tags = ["targets"];

  app.get("/targets", { config: { permission: "records:read" }, schema: { tags, querystring: TargetQuery, response: { 200: TargetList } } }, (request) =>
    targets.list(callerOf(request), request.query),
  );

  app.post("/targets", { config: { permission: "targets:manage" }, schema: { tags, body: CreateTargetInput, response: { 201: Target } } }, async (request, reply) =>
    reply.status(201).send(await targets.create(callerOf(request), request.body)),
  );

  app.get("/targets/:id", { config: { permission: "records:read" }, schema: { tags, params: IdParams, response: { 200: Target } } }, (request) =>
    targets.get(callerOf(request), request.params.id),
  );

  app.patch("/targets/:id", { config: { permission: "targets:manage" }, schema: { tags, params: IdParams, body: UpdateTargetInput, response: { 200: Target } } }, (request) =>
    targets.update(callerOf(request), request.params.id, request.body),
  );

  app.delete("/targets/:id", { config: { permission: "targets:manage" }, schema: { tags, params: IdParams } }, async (request, reply) => {
    await targets.remove(callerOf(request), request.params.id);
    return reply.status(204).send();
  });
};
