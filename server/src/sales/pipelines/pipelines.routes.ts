import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CreatePipelineInput, IdParams, Pipeline, PipelineList, UpdatePipelineInput } from "../../../../contracts/index.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import type { PipelinesService } from "./pipelines.service.js";

export const pipelinesRoutes: FastifyPluginAsyncZod<{ pipelines: PipelinesService }> = async (app, { pipelines }) => {
  const tags = ["pipelines"];

  app.get("/pipelines", { config: { permission: "records:read" }, schema: { tags, response: { 200: PipelineList } } }, (request) => pipelines.list(callerOf(request)));

  app.post("/pipelines", { config: { permission: "sales:configure" }, schema: { tags, body: CreatePipelineInput, response: { 201: Pipeline } } }, async (request, reply) =>
    reply.status(201).send(await pipelines.create(callerOf(request), request.body)),
  );

  app.get("/pipelines/:id", { config: { permission: "records:read" }, schema: { tags, params: IdParams, response: { 200: Pipeline } } }, (request) =>
    pipelines.get(callerOf(request), request.params.id),
  );

  app.patch("/pipelines/:id", { config: { permission: "sales:configure" }, schema: { tags, params: IdParams, body: UpdatePipelineInput, response: { 200: Pipeline } } }, (request) =>
    pipelines.update(callerOf(request), request.params.id, request.body),
  );
};
