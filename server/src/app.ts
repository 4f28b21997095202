import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Config } from "./config.js";
import type { DatabaseHandle } from "./db/client.js";
import { companiesRoutes, contactsRoutes, createCompaniesService, createContactsService, searchRoutes } from "./customers/index.js";
import {
  apiKeysRoutes,
  auditRoutes,
  authRoutes,
  createApiKeysService,
  createAuditService,
  createAuthService,
  createSavedViewsService,
  createWorkspacesService,
  parseQueryString,
  registerAuthentication,
  registerErrorHandling,
  savedViewsRoutes,
  workspacesRoutes,
} from "./platform/index.js";

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist");

/** Builds the whole HTTP app from the domain modules; tests call this too (with app.inject). */
export async function buildApp({ config, database }: { config: Config; database: DatabaseHandle }): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'] },
    bodyLimit: config.bodyLimitBytes,
    routerOptions: { querystringParser: parseQueryString },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await app.register(cookie);

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

  const { db } = database;
  const auth = createAuthService({ db, config });
  const contacts = createContactsService({ db });
  const companies = createCompaniesService({ db });
  registerAuthentication(app, auth);

  app.get("/healthz", { schema: { hide: true } }, async () => {
    await db.execute(sql`select 1`);
    return { status: "ok", database: database.kind };
  });

  await app.register(
    async (api) => {
      await api.register(authRoutes, { auth, config });
      await api.register(workspacesRoutes, { workspaces: createWorkspacesService({ db, config }) });
      await api.register(apiKeysRoutes, { apiKeys: createApiKeysService({ db }) });
      await api.register(auditRoutes, { audit: createAuditService({ db }) });
      await api.register(savedViewsRoutes, { views: createSavedViewsService({ db }) });
      await api.register(contactsRoutes, { contacts });
      await api.register(companiesRoutes, { companies, contacts });
      await api.register(searchRoutes, { contacts, companies });
    },
    { prefix: "/api/v1" },
  );

  if (fs.existsSync(path.join(webDist, "index.html"))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    // The web app routes on the client: every other GET outside /api gets its index.html.
    app.get("/*", { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith("/api/")) return reply.callNotFound();
      return reply.sendFile("index.html");
    });
  }
  return app;
}
