import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema.js";
import { acquireDataDirLock } from "./data-dir-lock.js";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** The raw driver, for bulk loads (COPY, multi-row inserts) that the query builder makes slow. */
  pglite?: PGlite;
  pool?: pg.Pool;
  /** The PostgreSQL server URL, for components that open their own connections (the job queue). */
  url?: string;
  close(): Promise<void>;
}

export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if ("url" in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    const db = drizzleNodePostgres(pool, { schema }) as unknown as Database;
    return { db, kind: "postgres", pool, url: target.url, close: () => pool.end() };
  }
  let releaseLock = () => {};
  let dataDir: string | undefined;
  if ("dataDir" in target) {
    dataDir = path.join(target.dataDir, "pglite");
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireDataDirLock(target.dataDir);
  }
  try {
    const pglite = await PGlite.create(dataDir, { extensions: { pg_trgm } });
    const db = drizzlePglite(pglite, { schema }) as unknown as Database;
    return {
      db,
      kind: "pglite",
      pglite,
      close: async () => {
        await pglite.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
