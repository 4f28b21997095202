import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Measurement } from "./load.js";

export interface ScenarioResult {
  key: string;
  label: string;
  baseline: Measurement;
  api: Measurement;
}

export interface RunResult {
  db: "postgres" | "pglite";
  dbVersion: string;
  contacts: number;
  companies: number;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string };
  date: string;
  seed: { seconds: number };
  serverRssMb: { idle: number; peak: number };
  scenarios: ScenarioResult[];
  targets: { name: string; limit: string; measured: string; isMet: boolean }[];
}

const fixed = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const triple = (m: Measurement) => `${fixed(m.oneClient.p50)} / ${fixed(m.oneClient.p95)} / ${fixed(m.oneClient.p99)}`;

/** Baseline and API CPU per request, and their ratio: what req/s would show on an otherwise idle machine. */
function cpuCell(s: ScenarioResult): string {
  const { cpuMsPerRequest: base } = s.baseline;
  const { cpuMsPerRequest: api } = s.api;
  if (base === undefined || api === undefined || api === 0) return "–";
  return `${base.toFixed(2)} / ${api.toFixed(2)} (${Math.round((base / api) * 100)} %)`;
}

export function machine() {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "unknown", memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
}

/** Targets (from the issue) apply to PostgreSQL with 1M contacts; on other runs they are informative. */
export function evaluateTargets(scenarios: ScenarioResult[], rssPeakMb: number) {
  // A run with --only measures some scenarios; the others have no target row.
  const measured = (keys: string[]) => scenarios.filter((scenario) => keys.includes(scenario.key));
  const targets: RunResult["targets"] = [];
  for (const scenario of measured(["list", "filter", "get"])) {
    const p99 = scenario.api.oneClient.p99;
    targets.push({ name: `${scenario.label}: API p99 at 1 client`, limit: "≤ 20 ms", measured: `${fixed(p99)} ms`, isMet: p99 <= 20 });
  }
  for (const scenario of measured(["search_name", "search_email"])) {
    const p95 = scenario.api.oneClient.p95;
    targets.push({ name: `${scenario.label}: API p95 at 1 client`, limit: "≤ 50 ms", measured: `${fixed(p95)} ms`, isMet: p95 <= 50 });
  }
  for (const scenario of scenarios) {
    const ratio = scenario.api.concurrent.rps / scenario.baseline.concurrent.rps;
    targets.push({ name: `${scenario.label}: API / baseline req/s at 8 clients`, limit: "≥ 50 %", measured: `${Math.round(ratio * 100)} %`, isMet: ratio >= 0.5 });
  }
  targets.push({ name: "server RSS (peak during the run)", limit: "≤ 300 MB", measured: `${rssPeakMb} MB`, isMet: rssPeakMb <= 300 });
  return targets;
}

export function markdown(result: RunResult): string {
  const lines = [
    `**${result.db}** (${result.dbVersion}), ${result.contacts.toLocaleString("en")} contacts, ${result.companies.toLocaleString("en")} companies — ${result.machine.cpus} cores (${result.machine.cpuModel}), Node ${result.machine.node}, ${result.date.slice(0, 10)}. Server RSS: ${result.serverRssMb.idle} MB after start, ${result.serverRssMb.peak} MB peak.`,
    "",
    "| scenario | baseline p50 / p95 / p99 ms (1 client) | API p50 / p95 / p99 ms (1 client) | baseline req/s (8 clients) | API req/s (8 clients) | API / baseline req/s | API p99 ms (8 clients) | CPU ms/req baseline / API (ratio) |",
    "|---|---|---|---|---|---|---|---|",
    ...result.scenarios.map(
      (s) =>
        `| ${s.label} | ${triple(s.baseline)} | ${triple(s.api)} | ${s.baseline.concurrent.rps} | ${s.api.concurrent.rps} | ${Math.round((s.api.concurrent.rps / s.baseline.concurrent.rps) * 100)} % | ${fixed(s.api.concurrent.p99)} | ${cpuCell(s)} |`,
    ),
    "",
    "| target | limit | measured | met |",
    "|---|---|---|---|",
    ...result.targets.map((t) => `| ${t.name} | ${t.limit} | ${t.measured} | ${t.isMet ? "yes" : "**no**"} |`),
  ];
  return lines.join("\n") + "\n";
}

export function printTable(result: RunResult) {
  const rows = result.scenarios.map((s) => ({
    scenario: s.label,
    "base p50/p95/p99": triple(s.baseline),
    "api p50/p95/p99": triple(s.api),
    "base rps@8": s.baseline.concurrent.rps,
    "api rps@8": s.api.concurrent.rps,
    ratio: `${Math.round((s.api.concurrent.rps / s.baseline.concurrent.rps) * 100)}%`,
    "api p99@8": fixed(s.api.concurrent.p99),
    "cpu ms/req base / api": cpuCell(s),
  }));
  console.log(`\n${result.db}, ${result.contacts.toLocaleString("en")} contacts; latency in ms at 1 client; req/s at 8 clients`);
  console.table(rows);
  console.log(`server RSS: ${result.serverRssMb.idle} MB after start, ${result.serverRssMb.peak} MB peak`);
  for (const target of result.targets) console.log(`${target.isMet ? "  met " : "MISSED"}  ${target.name}: ${target.measured} (target ${target.limit})`);
}

export function writeResults(result: RunResult) {
  const dir = path.join(import.meta.dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${result.db}.json`), JSON.stringify(result, null, 2) + "\n");
  fs.writeFileSync(path.join(dir, `${result.db}.md`), markdown(result));
  return dir;
}
