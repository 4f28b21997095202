/**
 * Parses `filter[field][op]=value` into `{ filter: { field: { op: value } } }`; other keys stay
 * flat strings (a repeated key keeps its last value). Keys with brackets in any other shape are
 * kept as-is so the contract rejects them by name.
 */
export function parseQueryString(raw: string): Record<string, unknown> {
  // Null-prototype objects: a key such as `__proto__` stays an ordinary (rejected) key.
  const result: Record<string, unknown> = Object.create(null);
  for (const [key, value] of new URLSearchParams(raw)) {
    const match = /^filter\[([^\][]+)\]\[([^\][]+)\]$/.exec(key);
    // `__proto__` would vanish from the plain objects validation builds, silently dropping the filter.
    if (match && match[1] !== "__proto__" && match[2] !== "__proto__") {
      const filter = (result.filter ??= Object.create(null)) as Record<string, Record<string, string>>;
      (filter[match[1]] ??= Object.create(null))[match[2]] = value;
    } else {
      result[key] = value;
    }
  }
  return result;
}
