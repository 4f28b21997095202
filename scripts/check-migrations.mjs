// Fails when the Drizzle schema and the committed migrations drift apart: drizzle-kit would
// generate a new migration for a schema change nobody committed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const migrations = "server/src/db/migrations";
// drizzle-kit resolves `out` against the working directory, so the scratch copy lives in the project.
const scratch = fs.mkdtempSync(path.join("node_modules", ".pillar-migrations-"));
fs.cpSync(migrations, scratch, { recursive: true });
const config = path.join(scratch, "drizzle.config.mjs");
fs.writeFileSync(config, `export default { dialect: "postgresql", schema: "./server/src/db/schema.ts", out: ${JSON.stringify("./" + scratch)} };\n`);
const generate = spawnSync("npx", ["drizzle-kit", "generate", "--config", config], { encoding: "utf8" });
const output = `${generate.stdout}${generate.stderr}`;
const before = fs.readdirSync(migrations).filter((name) => name.endsWith(".sql")).length;
const after = fs.readdirSync(scratch).filter((name) => name.endsWith(".sql")).length;
fs.rmSync(scratch, { recursive: true, force: true });
// drizzle-kit asks interactively (and, without a terminal, prints an error and exits 0) when a
// column looks renamed: the last snapshot does not describe the schema the migrations build.
if (generate.status !== 0 || /Error/.test(generate.stderr)) {
  console.error("drizzle-kit could not compare the schema with the migrations' last snapshot:\n" + output);
  process.exit(1);
}
if (after !== before) {
  console.error("The schema has changes without a migration. Run `npm run db:generate` and commit the result.\n" + output);
  process.exit(1);
}
console.log("Migrations match the schema.");
