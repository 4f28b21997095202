import type { Permission } from "../../../../contracts/index.js";
import type { Caller } from "../auth/caller.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** What the caller's role must allow; every /api route sets this or isPublic. */
    permission?: Permission;
    /** Opts a route out of authentication, by name. */
    isPublic?: boolean;
  }
  interface FastifyRequest {
    caller: Caller | null;
  }
}

/** Narrows request.caller for routes that are not public (the auth hook has set it). */
export function callerOf(request: { caller: Caller | null }): Caller {
  if (!request.caller) throw new Error("route reached without a caller; is it marked public by mistake?");
  return request.caller;
}
