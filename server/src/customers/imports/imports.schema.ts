import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { businessColumns } from "../../db/columns.js";

/**
 * One CSV import and its progress. The counters are written in the same transaction as each
 * chunk of rows, so after a crash `processed` says exactly how many data rows are committed.
 */
export const imports = pgTable(
  "imports",
  {
    ...businessColumns,
    actorApiKeyId: uuid("actor_api_key_id"),
    /** The importer's role when they started it: the background job applies the same ownership rules. */
    actorRole: text("actor_role", { enum: ["owner", "admin", "manager", "member", "read_only"] }).notNull(),
    object: text("object", { enum: ["contact", "company"] }).notNull(),
    status: text("status", { enum: ["queued", "running", "done", "failed", "undone"] }).notNull().default("queued"),
    fileName: text("file_name").notNull(),
    /** The uploaded file under PILLAR_DATA_DIR/imports, named by the import's id. */
    fileSize: bigint("file_size", { mode: "number" }).notNull(),
    encoding: text("encoding").notNull(),
    delimiter: text("delimiter").notNull(),
    headers: text("headers").array().notNull(),
    /** CSV column → API field path (`firstName`, `email`, `custom.score`, …). */
    mapping: jsonb("mapping").notNull().$type<Record<string, string>>(),
    onDuplicate: text("on_duplicate", { enum: ["skip", "update", "create"] }).notNull(),
    matchOn: text("match_on", { enum: ["email", "externalId", "domain"] }).notNull(),
    total: integer("total"),
    processed: integer("processed").notNull().default(0),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    companiesCreated: integer("companies_created").notNull().default(0),
    error: text("error"),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] }), index("imports_created_idx").on(table.workspaceId, table.createdAt.desc())],
);

/** A rejected row, kept as it was read with the reason, for the errors CSV. */
export const importErrors = pgTable(
  "import_errors",
  {
    workspaceId: uuid("workspace_id").notNull(),
    importId: uuid("import_id").notNull(),
    /** 1 = the first data row after the header. */
    rowNumber: integer("row_number").notNull(),
    values: text("values").array().notNull(),
    reason: text("reason").notNull(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.importId, table.rowNumber] })],
);

/** What an existing record held before the import changed it, so undo can put it back. */
export const importUpdates = pgTable(
  "import_updates",
  {
    workspaceId: uuid("workspace_id").notNull(),
    importId: uuid("import_id").notNull(),
    recordId: uuid("record_id").notNull(),
    before: jsonb("before").notNull().$type<Record<string, unknown>>(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.importId, table.recordId] })],
);

