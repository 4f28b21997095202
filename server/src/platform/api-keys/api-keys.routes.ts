import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiKey, CreateApiKeyInput, CreatedApiKey, IdParams } from "../../../../contracts/index.js";
import { callerOf } from "../http/fastify-types.js";
import type { ApiKeysService } from "./api-keys.service.js";

export const apiKeysRoutes: FastifyPluginAsyncZod<{ apiKeys: ApiKeysService }> = async (app, { apiKeys }) => {
  app.get("/api-keys", { config: { permission: "api_keys:manage" }, schema: { tags: ["api-keys"], response: { 200: z.object({ data: z.array(ApiKey) }) } } }, async (request) => ({
    data: await apiKeys.list(callerOf(request)),
  }));

  app.post(
    "/api-keys",
    { config: { permission: "api_keys:manage" }, schema: { tags: ["api-keys"], body: CreateApiKeyInput, response: { 201: CreatedApiKey } } },
    async (request, reply) => reply.status(201).send(await apiKeys.create(callerOf(request), request.body)),
  );

  app.delete("/api-keys/:id", { config: { permission: "api_keys:manage" }, schema: { tags: ["api-keys"], params: IdParams } }, async (request, reply) => {
    await apiKeys.revoke(callerOf(request), request.params.id);
    return reply.status(204).send();
  });
};
