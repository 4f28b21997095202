import type { Database } from "../../db/client.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { users } from "./auth.schema.js";

export async function insertUser(db: Database | Transaction, values: typeof users.$inferInsert) {
  await db.insert(users).values(values);
}
