import { integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

/** The next number per workspace and document kind (quote, order, invoice): gap-free, taken under a row lock. */
export const documentNumbers = pgTable(
  "document_numbers",
  {
    workspaceId: uuid("workspace_id").notNull(),
    kind: text("kind", { enum: ["quote", "order", "invoice"] }).notNull(),
    lastNumber: integer("last_number").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.kind] })],
);
