import pg from "pg";

/** The PostgreSQL server the benches use; the login role must be a superuser (bulk loads bypass RLS). */
export const postgresServerUrl = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432";

/** Drops (closing its connections) and creates one bench database; answers its URL. Each bench owns its database. */
export async function recreateDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: `${postgresServerUrl}/postgres` });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return `${postgresServerUrl}/${name}`;
}
