import { conflict } from "../../platform/http/app-error.js";

/** PostgreSQL's unique_violation, with the index that refused the row. */
export function isUniqueViolation(error: unknown, indexName: string): boolean {
  for (let cause = error as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, depth = 0; cause && depth < 3; cause = cause.cause as typeof cause, depth++) {
    if (cause.code === "23505" && cause.constraint === indexName) return true;
  }
  return false;
}

/** A second record with an externalId already in use is the caller's mistake (409), not a server error. */
export function externalIdConflict(object: "contact" | "company") {
  const indexName = object === "contact" ? "contacts_external_id_idx" : "companies_external_id_idx";
  return (error: unknown): never => {
    if (isUniqueViolation(error, indexName)) {
      throw conflict(`Another ${object} already has this externalId.`, [{ path: "body.externalId", message: `is already used by another ${object}` }]);
    }
    throw error;
  };
}
