// `npm start`: builds what is missing or older than its sources — the web app (Vite) and the
// server (one esbuild bundle, packages left external) — then runs the server in this process,
// so Ctrl-C reaches it directly. Running the bundle with plain Node, rather than TypeScript
// through a loader, keeps start-up (and /healthz) well under two seconds.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const from = (...parts) => path.join(root, ...parts);

function newestChange(directory) {
  let newest = 0;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function isStale(output, sources) {
  return !fs.existsSync(output) || fs.statSync(output).mtimeMs < Math.max(...sources.map(newestChange));
}

const contracts = from("contracts");
const webIndex = from("web/dist/index.html");
if (isStale(webIndex, [from("web/src"), contracts])) {
  console.log("Building the web app…");
  const { build } = await import("vite");
  await build({ configFile: from("web/vite.config.ts"), logLevel: "warn" });
}

const serverBundle = from("dist/server/main.mjs");
if (isStale(serverBundle, [from("server/src"), contracts])) {
  console.log("Building the server…");
  const { build } = await import("esbuild");
  await build({
    entryPoints: [from("server/src/main.ts")],
    outfile: serverBundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
}

await import(pathToFileURL(serverBundle).href);
