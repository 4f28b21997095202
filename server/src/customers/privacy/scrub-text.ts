/** What an erased value is replaced with, in every text that mentioned it. */
export const erasedMarker = "[erased]";

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A matcher for whole-word, case-insensitive occurrences of the identifiers: "Ada Lovelace" is
 * found in "met ada lovelace today" but "Lee" is not found in "Leeds".
 */
export function identifierPattern(identifiers: string[]): RegExp | undefined {
  const words = [...new Set(identifiers.map((value) => value.trim()).filter((value) => value.length > 0))];
  if (words.length === 0) return undefined;
  // Longest first, so a full name is replaced before the last name inside it.
  words.sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "giu");
}

export function scrubText(text: string, pattern: RegExp | undefined): string {
  return pattern ? text.replace(pattern, erasedMarker) : text;
}

/** Scrubs every string inside a JSON value (audit entries' before/after values). */
export function scrubJson(value: unknown, pattern: RegExp | undefined): unknown {
  if (typeof value === "string") return scrubText(value, pattern);
  if (Array.isArray(value)) return value.map((item) => scrubJson(item, pattern));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubJson(item, pattern)]));
  return value;
}

/** ILIKE patterns that pre-select rows possibly mentioning an identifier (the regex decides). */
export function likePatterns(identifiers: string[]): string[] {
  return identifiers.filter((value) => value.trim()).map((value) => `%${JSON.stringify(value.trim()).slice(1, -1).replace(/[\\%_]/g, "\\$&")}%`);
}
