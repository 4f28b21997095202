import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "../server/src/db/client.js";
import { runMigrations } from "../server/src/db/migrate.js";

export function serverUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or a
 * PostgreSQL database cloned from the migrated template when TEST_DATABASE_URL is set.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = serverUrl();
  if (!url) {
    const handle = await openDatabase({ memory: true });
    await runMigrations(handle);
    return handle;
  }
  const name = `pillar_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // The migrated database of this run (see global-setup.ts).
  await admin.query(`create database ${name} template ${inject("templateDatabase")}`);
  await admin.end();
  const handle = await openDatabase({ url: withDatabase(url, name) });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await dropDatabase(url, name);
    },
  };
}

export async function createTemplateDatabase(url: string, name: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const handle = await openDatabase({ url: withDatabase(url, name) });
  await runMigrations(handle);
  await handle.close();
}

export async function dropDatabase(url: string, name: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  // pool.end() resolves before its sockets close, and a session killed by FORCE while closing
  // throws an unhandled error in the test process: give the sessions a moment to leave first.
  for (let attempt = 0; attempt < 50; attempt++) {
    const { rows } = await admin.query("select count(*)::int as n from pg_stat_activity where datname = $1", [name]);
    if (rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
