import http from "node:http";

/**
 * Bounded load: a fixed number of sequential requests for latency (one client), then N
 * concurrent clients until a request count or a time limit, whichever comes first.
 * HTTP goes over keep-alive sockets to 127.0.0.1 only.
 */
export interface Phase {
  warmup: number;
  sequential: number;
  concurrency: number;
  maxRequests: number;
  maxSeconds: number;
  /** Cap for the sequential phase (the warm-up has its own 10 s), so a slow query cannot stall the run. */
  maxSequentialSeconds: number;
}

export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export interface Measurement {
  oneClient: Latency & { rps: number };
  concurrent: Latency & { rps: number; clients: number; seconds: number };
  /** Requests sent in all phases, warm-up included. */
  requests: number;
  /** CPU ms per request over all phases, when the caller can measure it (bench/cpu.ts). */
  cpuMsPerRequest?: number;
}

export function percentiles(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  const round = (value: number) => Math.round(value * 100) / 100;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { count: sorted.length, p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), mean: round(mean), max: round(sorted[sorted.length - 1]) };
}

export async function measure(operation: (i: number) => Promise<void>, phase: Phase): Promise<Measurement> {
  let i = 0;
  const warmupDeadline = performance.now() + 10_000;
  for (let n = 0; n < phase.warmup && performance.now() < warmupDeadline; n++) await operation(i++);
  const sequentialDeadline = performance.now() + phase.maxSequentialSeconds * 1000;

  const sequential: number[] = [];
  const sequentialStart = performance.now();
  for (let n = 0; n < phase.sequential && (n < 20 || performance.now() < sequentialDeadline); n++) {
    const start = performance.now();
    await operation(i++);
    sequential.push(performance.now() - start);
  }
  const sequentialSeconds = (performance.now() - sequentialStart) / 1000;

  const concurrent: number[] = [];
  const started = performance.now();
  const deadline = started + phase.maxSeconds * 1000;
  let issued = 0;
  const client = async () => {
    while (issued < phase.maxRequests && performance.now() < deadline) {
      issued++;
      const start = performance.now();
      await operation(i++);
      concurrent.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: phase.concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: i,
    oneClient: { ...percentiles(sequential), rps: Math.round(sequential.length / sequentialSeconds) },
    concurrent: { ...percentiles(concurrent), rps: Math.round(concurrent.length / seconds), clients: phase.concurrency, seconds: Math.round(seconds * 100) / 100 },
  };
}

export interface ApiRequest {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
}

/** One keep-alive agent per run; each call sends the session cookie and drains the body. */
export function httpClient(port: number, cookie: string, maxSockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const send = (request: ApiRequest) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
      const headers: http.OutgoingHttpHeaders = { cookie };
      if (payload) Object.assign(headers, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
      const req = http.request({ host: "127.0.0.1", port, method: request.method, path: request.path, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(payload);
    });
  return { send, close: () => agent.destroy() };
}
