import { assertCanModify } from "../../customers/index.js";
import type { Caller } from "../../platform/auth/caller.js";

/** Deals follow the customer records' ownership rule: members change their own or unowned deals. */
export function assertCanChangeDeal(caller: Caller, deal: { ownerId: string | null }) {
  assertCanModify(caller, deal, "deals");
}

interface StagePlace {
  pipelineId: string;
  position: number;
  kind: "open" | "won" | "lost";
}

/**
 * Forward is a later stage, closing the deal (won or lost), or another pipeline; only forward
 * moves wait for the required steps of the stage being left. Going back is always allowed.
 */
export function isForwardMove(from: StagePlace, to: StagePlace): boolean {
  if (from.pipelineId !== to.pipelineId) return true;
  return to.position > from.position || to.kind !== "open";
}
