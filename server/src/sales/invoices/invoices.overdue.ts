import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { inWorkspace } from "../../db/workspace-transaction.js";
import { defineJob, type JobQueue } from "../../platform/jobs/index.js";
import { recordNotifications } from "../../platform/notifications/index.js";
import { workspaces } from "../../platform/workspaces/workspaces.schema.js";
import { deals } from "../deals/deals.schema.js";
import * as repository from "./invoices.repository.js";

export const overdueInvoicesJob = defineJob<Record<string, never>>("invoices-overdue");

/**
 * Moves sent and part-paid invoices past their due date to overdue, workspace by workspace (each
 * in its own row-level-security transaction), and tells each invoice's deal owner (or whoever
 * made the invoice) once per invoice and due date.
 */
export async function markOverdueInvoices(db: Database, now = new Date()): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  // The workspaces table is readable by the login role; business tables only inside inWorkspace.
  const all = await db.select({ id: workspaces.id }).from(workspaces);
  let moved = 0;
  for (const { id: workspaceId } of all) {
    moved += await inWorkspace(db, workspaceId, async (tx) => {
      const overdue = await repository.markOverdue(tx, workspaceId, today);
      if (overdue.length === 0) return 0;
      const dealIds = [...new Set(overdue.map((invoice) => invoice.dealId).filter((id): id is string => Boolean(id)))];
      const owners = dealIds.length
        ? new Map((await tx.select({ id: deals.id, ownerId: deals.ownerId }).from(deals).where(and(eq(deals.workspaceId, workspaceId), inArray(deals.id, dealIds)))).map((deal) => [deal.id, deal.ownerId]))
        : new Map<string, string | null>();
      await recordNotifications(
        tx,
        overdue.flatMap((invoice) => {
          const recipientId = (invoice.dealId ? owners.get(invoice.dealId) : null) ?? invoice.createdBy;
          if (!recipientId) return [];
          return [
            {
              workspaceId,
              recipientId,
              kind: "invoice_overdue" as const,
              actorId: null,
              data: { record: { type: "invoice" as const, id: invoice.id, name: `INV-${invoice.number}` }, excerpt: `Invoice INV-${invoice.number} was due on ${invoice.dueDate}` },
              dedupeKey: `invoice_overdue:${invoice.id}:${invoice.dueDate}`,
            },
          ];
        }),
      );
      return overdue.length;
    });
  }
  return moved;
}

/** Every 15 minutes from the durable queue's schedule, and once at start-up. */
export async function registerOverdueInvoicesWorker(jobs: JobQueue, db: Database) {
  await jobs.work(overdueInvoicesJob, async () => void (await markOverdueInvoices(db)));
  await jobs.schedule(overdueInvoicesJob, "*/15 * * * *", {});
}
