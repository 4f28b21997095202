import { createTemplateDatabase, serverUrl } from "./database.js";

/** On PostgreSQL, migrate one template database once; each test file then clones it in milliseconds. */
export default async function setup() {
  const url = serverUrl();
  if (url) await createTemplateDatabase(url);
}
