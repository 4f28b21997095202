// `npm start`: builds the web app when it is missing or older than its sources, then runs the
// server in this process (TypeScript through tsx), so Ctrl-C reaches it directly.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const builtIndex = path.join(root, "web/dist/index.html");

function newestChange(directory) {
  let newest = 0;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const isStale =
  !fs.existsSync(builtIndex) ||
  fs.statSync(builtIndex).mtimeMs < Math.max(newestChange(path.join(root, "web/src")), newestChange(path.join(root, "contracts")));
if (isStale) {
  console.log("Building the web app (first start only)…");
  const { build } = await import("vite");
  await build({ configFile: path.join(root, "web/vite.config.ts"), logLevel: "warn" });
}

const { register } = await import("tsx/esm/api");
register();
await import(path.join(root, "server/src/main.ts"));
