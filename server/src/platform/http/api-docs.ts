import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

/** The OpenAPI 3.1 document, generated from the routes' zod contracts, and its interactive docs. */
export async function registerApiDocs(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "Pillar CRM API", version: "1.0.0", description: "REST + JSON. Lists take limit, cursor, sort, filter[field][op]=value and q." },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "pillar_session" },
          apiKey: { type: "http", scheme: "bearer", description: "An API key from Settings → API keys" },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, () => app.swagger());
}
