import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { httpClient, measure, type ApiRequest, type Measurement, type Phase } from "./load.js";

/**
 * The real server in a child process, so its RSS is its own: by default the esbuild bundle that
 * `npm start` runs (scripts/start.mjs), built from the current sources; with `loader: "tsx"`
 * through the TypeScript loader (node --import tsx server/src/main.ts), which holds ~70 MB more.
 */
export interface ServerProcess {
  port: number;
  pid: number;
  rssMb(): number;
  /** What the process wrote to stdout and stderr so far (warnings, errors, a crash). */
  output(): string;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

const bundle = path.join(root, "dist/bench/main.mjs");

/** The flags `npm start` gives node (its heap limit keeps V8 collecting before RSS grows), read from package.json so both stay one. */
function startNodeFlags(): string[] {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
  return scripts.start.split(" ").filter((word) => word.startsWith("--"));
}
let isBundleBuilt = false;

/** The same build as `npm start` makes (packages stay external, so node_modules resolves from dist/). */
async function buildBundle() {
  if (isBundleBuilt) return;
  const { build } = await import("esbuild");
  await build({
    entryPoints: [path.join(root, "server/src/main.ts")],
    outfile: bundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
  isBundleBuilt = true;
}

export async function startServer(env: Record<string, string>, { loader = "bundle" }: { loader?: "bundle" | "tsx" } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL; // PGlite runs must not pick up a PostgreSQL URL from the shell
  if (loader === "bundle") await buildBundle();
  const args = [...startNodeFlags(), ...(loader === "bundle" ? [bundle] : ["--import", "tsx", "server/src/main.ts"])];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: { ...inherited, ...env, PORT: String(port), HOST: "127.0.0.1", PILLAR_SIGNUP: "open", PILLAR_LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited during start:\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/auth/setup-status`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start in 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    port,
    pid: child.pid!,
    rssMb() {
      if (child.exitCode !== null || child.signalCode !== null) return 0; // exited: a sampler must not throw
      const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 1024);
    },
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Samples the server's RSS while a block runs; reports the peak. */
export async function withRssSampling<T>(server: ServerProcess, work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peakMb = server.rssMb();
  const timer = setInterval(() => (peakMb = Math.max(peakMb, server.rssMb())), 200);
  try {
    const result = await work();
    return { result, peakMb: Math.max(peakMb, server.rssMb()) };
  } finally {
    clearInterval(timer);
  }
}

/** Starts the server, measures each request in turn through it (its RSS sampled all along), then stops it. */
export async function measureThroughServer(
  env: Record<string, string>,
  cookie: string,
  phase: Phase,
  requests: { key: string; request: ApiRequest }[],
): Promise<{ results: Map<string, Measurement>; peakMb: number }> {
  const server = await startServer(env);
  const http = httpClient(server.port, cookie, phase.concurrency);
  const { result: results, peakMb } = await withRssSampling(server, async () => {
    const measured = new Map<string, Measurement>();
    for (const { key, request } of requests) {
      const operation = async () => {
        const response = await http.send(request);
        if (response.status !== 200) throw new Error(`${key}: HTTP ${response.status} ${response.body.slice(0, 300)}`);
      };
      measured.set(key, await measure(operation, phase));
    }
    return measured;
  }).finally(async () => {
    http.close();
    await server.stop();
  });
  return { results, peakMb };
}

/** One API call during a bench's set-up, as the session in `cookie`; anything but 2xx stops the run. */
export async function api(port: number, cookie: string, method: string, url: string, body?: unknown): Promise<any> {
  const response = await fetch(`http://127.0.0.1:${port}${url}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

export interface Workspace {
  workspaceId: string;
  userId: string;
  ownerIds: string[];
  sessionToken: string;
}

async function post(port: number, url: string, body: unknown, cookie?: string) {
  const response = await fetch(`http://127.0.0.1:${port}${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  const token = /pillar_session=([^;]+)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
  return { json: (await response.json()) as any, token };
}

/** A workspace and its owner through the API (signup), plus three members invited and accepted. */
export async function createWorkspace(port: number): Promise<Workspace> {
  const password = "bench-password-123";
  const signup = await post(port, "/api/v1/auth/signup", { email: "owner@bench.test", password, name: "Bench Owner", workspaceName: "Bench Inc" });
  if (!signup.token) throw new Error("signup set no session cookie");
  const cookie = `pillar_session=${signup.token}`;
  const ownerIds: string[] = [signup.json.user.id];
  for (const name of ["Alex Seller", "Sam Support", "Kim Marketer"]) {
    const email = `${name.split(" ")[0].toLowerCase()}@bench.test`;
    const invitation = await post(port, "/api/v1/invitations", { email, role: "member" }, cookie);
    const accepted = await post(port, "/api/v1/auth/accept-invitation", { token: invitation.json.token, name, password });
    ownerIds.push(accepted.json.user.id);
  }
  return { workspaceId: signup.json.workspace.id, userId: signup.json.user.id, ownerIds, sessionToken: signup.token };
}
