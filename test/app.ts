import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll } from "vitest";
import type { Role } from "../contracts/index.js";
import { buildApp } from "../server/src/app.js";
import { loadConfig } from "../server/src/config.js";
import type { DatabaseHandle } from "../server/src/db/client.js";
import { openTestDatabase } from "./database.js";

export interface TestContext {
  app: FastifyInstance;
  database: DatabaseHandle;
}

/** Builds the real app on a fresh database for one test file and closes both after it. */
export function useTestApp(env: Record<string, string> = {}): TestContext {
  const context = {} as TestContext;
  beforeAll(async () => {
    context.database = await openTestDatabase();
    const config = loadConfig({ PILLAR_SIGNUP: "open", PILLAR_LOG_LEVEL: "silent", ...env });
    context.app = await buildApp({ config, database: context.database });
    await context.app.ready();
  });
  afterAll(async () => {
    await context.app?.close();
    await context.database?.close();
  });
  return context;
}

/** A signed-in person (cookie) or an API key, ready to make requests. */
export interface Actor {
  userId: string;
  workspaceId: string;
  role: Role;
  email: string;
  headers: Record<string, string>;
  request(method: InjectOptions["method"], url: string, payload?: unknown): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
}

export function actorFrom(app: FastifyInstance, identity: Omit<Actor, "request">): Actor {
  return {
    ...identity,
    async request(method, url, payload) {
      const response = await app.inject({ method, url, headers: identity.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
      const isJson = String(response.headers["content-type"] ?? "").includes("json");
      return { status: response.statusCode, body: isJson && response.body ? response.json() : response.body, headers: response.headers };
    },
  };
}

export function sessionCookieFrom(setCookie: unknown): string {
  const header = (Array.isArray(setCookie) ? setCookie : [setCookie]).find((value) => String(value).startsWith("pillar_session="));
  if (!header) throw new Error("no session cookie was set");
  return String(header).split(";")[0];
}
