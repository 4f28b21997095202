import { and, asc, eq, or } from "drizzle-orm";
import type { z } from "zod";
import type { CreateSavedViewInput, SavedView, UpdateSavedViewInput } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import type { Caller } from "../auth/caller.js";
import { forbidden, notFound } from "../http/app-error.js";
import { iso } from "../http/iso.js";
import { savedViews } from "./saved-views.schema.js";

const toView = (row: typeof savedViews.$inferSelect): SavedView => ({
  id: row.id,
  object: row.object,
  name: row.name,
  isShared: row.isShared,
  ownerId: row.ownerId,
  config: row.config,
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
});

/** Saved views belong to one person; shared ones are visible to the whole workspace but changed only by their owner. */
export function createSavedViewsService({ db }: { db: Database }) {
  async function loadOwn(tx: Transaction, caller: Caller, id: string) {
    const [row] = await tx.select().from(savedViews).where(and(eq(savedViews.workspaceId, caller.workspaceId), eq(savedViews.id, id)));
    if (!row || (row.ownerId !== caller.userId && !row.isShared)) throw notFound("Saved view");
    if (row.ownerId !== caller.userId) throw forbidden("Only the person who saved this view can change it.");
    return row;
  }

  return {
    list: (caller: Caller, object: SavedView["object"]) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const rows = await tx
          .select()
          .from(savedViews)
          .where(and(eq(savedViews.workspaceId, caller.workspaceId), eq(savedViews.object, object), or(eq(savedViews.ownerId, caller.userId), eq(savedViews.isShared, true))))
          .orderBy(asc(savedViews.name));
        return rows.map(toView);
      }),

    create: (caller: Caller, input: z.output<typeof CreateSavedViewInput>) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const now = new Date();
        const [row] = await tx
          .insert(savedViews)
          .values({ ...input, workspaceId: caller.workspaceId, id: newId(), ownerId: caller.userId, createdAt: now, updatedAt: now, createdBy: caller.userId })
          .returning();
        return toView(row);
      }),

    update: (caller: Caller, id: string, input: z.output<typeof UpdateSavedViewInput>) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        await loadOwn(tx, caller, id);
        const [row] = await tx
          .update(savedViews)
          .set({ ...input, updatedAt: new Date() })
          .where(and(eq(savedViews.workspaceId, caller.workspaceId), eq(savedViews.id, id)))
          .returning();
        return toView(row);
      }),

    remove: (caller: Caller, id: string) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        await loadOwn(tx, caller, id);
        await tx.delete(savedViews).where(and(eq(savedViews.workspaceId, caller.workspaceId), eq(savedViews.id, id)));
      }),
  };
}

export type SavedViewsService = ReturnType<typeof createSavedViewsService>;
