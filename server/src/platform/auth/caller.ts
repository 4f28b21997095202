import type { Role } from "../../../../contracts/index.js";

/** Who is making a request, resolved from a session cookie or an API key. */
export interface Caller {
  /** The person acting; for an API key, the member who created it. */
  userId: string;
  apiKeyId: string | null;
  workspaceId: string;
  role: Role;
  via: "session" | "api_key";
  sessionTokenHash: string | null;
}
