import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll } from "vitest";
import type { Role } from "../contracts/index.js";
import { buildApp } from "../server/src/app.js";
import { loadConfig } from "../server/src/config.js";
import type { DatabaseHandle } from "../server/src/db/client.js";
import { startJobQueue, type JobQueue } from "../server/src/platform/jobs/index.js";
import { openTestDatabase } from "./database.js";

export interface TestContext {
  app: FastifyInstance;
  database: DatabaseHandle;
  jobs: JobQueue;
  /** A temporary PILLAR_DATA_DIR for this file (attachments are stored under it), removed after. */
  dataDir: string;
}

/** Builds the real app, with its job queue, on a fresh database for one test file and closes all after it. */
export function useTestApp(env: Record<string, string> = {}): TestContext {
  const context = {} as TestContext;
  beforeAll(async () => {
    context.database = await openTestDatabase();
    context.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pillar-test-"));
    const config = loadConfig({ PILLAR_SIGNUP: "open", PILLAR_LOG_LEVEL: "silent", PILLAR_DATA_DIR: context.dataDir, ...env });
    context.jobs = await startJobQueue(context.database);
    context.app = await buildApp({ config, database: context.database, jobs: context.jobs });
    await context.app.ready();
  });
  afterAll(async () => {
    await context.app?.close();
    await context.jobs?.stop();
    await context.database?.close();
    if (context.dataDir) fs.rmSync(context.dataDir, { recursive: true, force: true });
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
