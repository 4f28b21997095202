import type { DuplicateList, DuplicateObject } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { inWorkspace } from "../../db/workspace-transaction.js";
import type { Caller } from "../../platform/auth/caller.js";
import { findDuplicateGroups } from "./duplicates.detection.js";

export function createDuplicatesService({ db }: { db: Database }) {
  return {
    /** A full scan of the workspace's live records, in SQL (migration 0014). */
    list: (caller: Caller, query: { object: DuplicateObject; limit: number }): Promise<DuplicateList> =>
      inWorkspace(db, caller.workspaceId, async (tx) => ({ data: await findDuplicateGroups(tx, query.object, query.limit) })),
  };
}

export type DuplicatesService = ReturnType<typeof createDuplicatesService>;
