import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { businessColumns } from "../../db/columns.js";
import { deals } from "../deals/deals.schema.js";
import { documentLineColumns, documentTotalColumns } from "../shared/document-lines.js";

const moment = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** A quote keeps its number across revisions; each revision is a new row with the next version. */
export const quotes = pgTable(
  "quotes",
  {
    ...businessColumns,
    number: integer("number").notNull(),
    version: integer("version").notNull().default(1),
    dealId: uuid("deal_id").notNull(),
    contactId: uuid("contact_id"),
    status: text("status", { enum: ["draft", "sent", "accepted", "rejected", "superseded"] }).notNull().default("draft"),
    ...documentTotalColumns(),
    validUntil: date("valid_until", { mode: "string" }),
    notes: text("notes"),
    sentAt: moment("sent_at"),
    sentTo: text("sent_to"),
    acceptedAt: moment("accepted_at"),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({ columns: [table.workspaceId, table.dealId], foreignColumns: [deals.workspaceId, deals.id], name: "quotes_deal_fk" }).onDelete("cascade"),
    uniqueIndex("quotes_number_version_idx").on(table.workspaceId, table.number, table.version),
    index("quotes_deal_idx").on(table.workspaceId, table.dealId),
  ],
);

export const quoteLines = pgTable(
  "quote_lines",
  { ...documentLineColumns(), quoteId: uuid("quote_id").notNull() },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({ columns: [table.workspaceId, table.quoteId], foreignColumns: [quotes.workspaceId, quotes.id], name: "quote_lines_quote_fk" }).onDelete("cascade"),
    index("quote_lines_quote_idx").on(table.workspaceId, table.quoteId, table.position),
  ],
);
