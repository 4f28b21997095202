/** Workspaces (tenants), their members, teams and invitations. */
import { invalidField } from "../http/app-error.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { findMember } from "./workspaces.repository.js";

export { createWorkspacesService, type WorkspacesService } from "./workspaces.service.js";

/** Record owners must be members of the record's workspace. */
export async function assertMemberExists(tx: Transaction, workspaceId: string, userId: string, path: string) {
  if (!(await findMember(tx, workspaceId, userId))) throw invalidField(path, "is not a member of this workspace");
}
