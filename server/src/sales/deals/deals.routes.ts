import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Board, BoardQuery, CreateDealInput, Deal, DealList, IdParams, ListQuery, OverrideStageInput, StageHistory, UpdateDealInput } from "../../../../contracts/index.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import type { BoardService } from "./board.service.js";
import type { DealsService } from "./deals.service.js";

export const dealsRoutes: FastifyPluginAsyncZod<{ deals: DealsService; board: BoardService }> = async (app, { deals, board }) => {
  const tags = ["deals"];

  app.get("/deals", { config: { permission: "records:read" }, schema: { tags, querystring: ListQuery, response: { 200: DealList } } }, (request) =>
    deals.list(callerOf(request), request.query),
  );

  app.post("/deals", { config: { permission: "records:create" }, schema: { tags, body: CreateDealInput, response: { 201: Deal } } }, async (request, reply) =>
    reply.status(201).send(await deals.create(callerOf(request), request.body)),
  );

  app.get("/deals/:id", { config: { permission: "records:read" }, schema: { tags, params: IdParams, response: { 200: Deal } } }, (request) => deals.get(callerOf(request), request.params.id));

  app.patch("/deals/:id", { config: { permission: "records:write" }, schema: { tags, params: IdParams, body: UpdateDealInput, response: { 200: Deal } } }, (request) =>
    deals.update(callerOf(request), request.params.id, request.body),
  );

  app.delete("/deals/:id", { config: { permission: "records:delete" }, schema: { tags, params: IdParams } }, async (request, reply) => {
    await deals.remove(callerOf(request), request.params.id);
    return reply.status(204).send();
  });

  app.post("/deals/:id/restore", { config: { permission: "records:delete" }, schema: { tags, params: IdParams, response: { 200: Deal } } }, (request) =>
    deals.restore(callerOf(request), request.params.id),
  );

  app.delete("/deals/:id/purge", { config: { permission: "records:hard_delete" }, schema: { tags, params: IdParams } }, async (request, reply) => {
    await deals.purge(callerOf(request), request.params.id);
    return reply.status(204).send();
  });

  app.post(
    "/deals/:id/override-stage",
    { config: { permission: "deals:override_stage" }, schema: { tags, params: IdParams, body: OverrideStageInput, response: { 200: Deal } } },
    (request) => deals.overrideStage(callerOf(request), request.params.id, request.body),
  );

  app.get("/deals/:id/stage-history", { config: { permission: "records:read" }, schema: { tags, params: IdParams, response: { 200: StageHistory } } }, (request) =>
    deals.stageHistory(callerOf(request), request.params.id),
  );

  app.get(
    "/pipelines/:id/board",
    { config: { permission: "records:read" }, schema: { tags: ["pipelines", ...tags], params: IdParams, querystring: BoardQuery, response: { 200: Board } } },
    (request) => board.read(callerOf(request), request.params.id, request.query),
  );
};
