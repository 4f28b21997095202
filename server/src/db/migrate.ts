import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import { migrationsFolder } from "../project-paths.js";
import type { DatabaseHandle } from "./client.js";

/** Applies every committed migration that has not run yet; the same files on both databases. */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as never, { migrationsFolder });
  } else {
    await migrateNodePostgres(handle.db as never, { migrationsFolder });
  }
}
