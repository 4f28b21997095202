import { sql, type SQL } from "drizzle-orm";
import type { DatabaseHandle } from "../server/src/db/client.js";

/** Rows of a raw query, read as the test database's superuser (row-level security does not apply). */
export async function queryRows<T = Record<string, unknown>>(database: DatabaseHandle, query: SQL): Promise<T[]> {
  const result = (await database.db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function countRows(database: DatabaseHandle, table: string, where: SQL = sql`true`): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database, sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`);
  return Number(row.n);
}

const dataTables = ["users", "workspaces", "memberships", "teams", "invitations", "api_keys", "contacts", "companies", "audit_log", "saved_views", "custom_fields", "consent_history", "field_permissions", "attachments", "activities", "activity_links", "notifications", "pipelines", "pipeline_stages", "stage_steps", "deals", "deal_contacts", "deal_stage_history", "deal_steps", "lead_assignment_rules", "products", "price_books", "product_prices", "quotes", "quote_lines", "orders", "order_lines", "invoices", "invoice_lines", "payments", "document_numbers", "sales_targets", "sales_settings", "exchange_rates"];

/**
 * One fingerprint of every data table's full contents; equal before and after a request
 * means the request wrote nothing (sessions and login throttling are left out).
 */
export async function databaseFingerprint(database: DatabaseHandle): Promise<Record<string, string>> {
  const fingerprint: Record<string, string> = {};
  for (const table of dataTables) {
    const [row] = await queryRows<{ digest: string | null }>(
      database,
      sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(table)} t`,
    );
    fingerprint[table] = String(row.digest);
  }
  return fingerprint;
}
