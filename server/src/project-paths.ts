import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project's root folder, found from this module whether it runs from server/src (tsx,
 * tests) or from the built bundle in dist/ (npm start).
 */
function findProjectRoot(): string {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(directory, "package.json"))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error("Pillar's package.json was not found above the server code");
    directory = parent;
  }
  return directory;
}

export const projectRoot = findProjectRoot();
export const migrationsFolder = path.join(projectRoot, "server/src/db/migrations");
export const webDistFolder = path.join(projectRoot, "web/dist");
