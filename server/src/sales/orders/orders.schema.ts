import { sql } from "drizzle-orm";
import { foreignKey, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { businessColumns } from "../../db/columns.js";
import { documentLineColumns, documentTotalColumns } from "../shared/document-lines.js";

const moment = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** An order: from an accepted quote, or pushed by an ERP (`externalId`). Part of the purchase history. */
export const orders = pgTable(
  "orders",
  {
    ...businessColumns,
    number: integer("number").notNull(),
    quoteId: uuid("quote_id"),
    dealId: uuid("deal_id"),
    companyId: uuid("company_id"),
    contactId: uuid("contact_id"),
    status: text("status", { enum: ["open", "partially_invoiced", "invoiced", "cancelled"] }).notNull().default("open"),
    ...documentTotalColumns(),
    orderedAt: moment("ordered_at").notNull(),
    externalId: text("external_id"),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    uniqueIndex("orders_number_idx").on(table.workspaceId, table.number),
    uniqueIndex("orders_external_id_idx").on(table.workspaceId, table.externalId).where(sql`external_id is not null`),
    index("orders_company_idx").on(table.workspaceId, table.companyId, table.orderedAt.desc()),
    index("orders_contact_idx").on(table.workspaceId, table.contactId, table.orderedAt.desc()),
    index("orders_deal_idx").on(table.workspaceId, table.dealId),
    index("orders_ordered_idx").on(table.workspaceId, table.orderedAt.desc(), table.id.desc()),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    ...documentLineColumns(),
    orderId: uuid("order_id").notNull(),
    /** How much of the quantity is on invoices already (void ones excluded). */
    invoicedQuantity: numeric("invoiced_quantity", { precision: 18, scale: 4 }).notNull().default("0"),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({ columns: [table.workspaceId, table.orderId], foreignColumns: [orders.workspaceId, orders.id], name: "order_lines_order_fk" }).onDelete("cascade"),
    index("order_lines_order_idx").on(table.workspaceId, table.orderId, table.position),
  ],
);
