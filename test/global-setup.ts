import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { createTemplateDatabase, dropDatabase, serverUrl } from "./database.js";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/**
 * On PostgreSQL, migrate one template database once per run; each test file then clones it in
 * milliseconds. The name is unique per run so two runs on one server never share or drop it.
 */
export default async function setup(project: TestProject) {
  const url = serverUrl();
  const name = `pillar_template_${randomBytes(5).toString("hex")}`;
  project.provide("templateDatabase", name);
  if (!url) return;
  await createTemplateDatabase(url, name);
  return () => dropDatabase(url, name);
}
