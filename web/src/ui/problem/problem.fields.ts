import { ApiError } from "../../api";

/**
 * Maps a problem's `errors[].path` (`body.firstName`, `body.emails.0.address`) to form field
 * names (`firstName`, `emails.0.address`); the first message per field wins.
 */
export function problemFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const fieldErrors: Record<string, string> = {};
  for (const entry of error.problem.errors ?? []) {
    const field = entry.path.replace(/^body\.?/, "");
    if (field && !(field in fieldErrors)) fieldErrors[field] = entry.message;
  }
  return fieldErrors;
}

export function problemDetail(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail || error.problem.title;
  if (error instanceof Error) return error.message;
  return String(error);
}
