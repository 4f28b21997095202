import { sql, type SQL } from "drizzle-orm";
import { escapeLike, invalidFieldFor, parseBoolean } from "../../db/list-query.js";

/** Filters on a text[] column: eq/contains = has the tag, in = has any, ne = lacks it. */
export function tagsFilter(column: SQL, name: string) {
  return (operator: string, value: string): SQL => {
    const path = `filter.${name}.${operator}`;
    switch (operator) {
      case "eq":
      case "contains":
        return sql`${column} @> array[${value}]::text[]`;
      case "ne":
        return sql`not (${column} @> array[${value}]::text[])`;
      case "in":
        return sql`${column} && ${`{${value.split(",").map((tag) => `"${tag.trim().replace(/["\\]/g, "\\$&")}"`).join(",")}}`}::text[]`;
      case "isEmpty":
        return parseBoolean(path, value) ? sql`cardinality(${column}) = 0` : sql`cardinality(${column}) > 0`;
      default:
        throw invalidFieldFor(path, ["eq", "ne", "in", "contains", "isEmpty"]);
    }
  };
}

/** Filters on a jsonb array of objects by one text property (contacts' e-mails and phones). */
export function jsonArrayFilter(column: SQL, property: string, name: string, normalise: (value: string) => string) {
  return (operator: string, value: string): SQL => {
    const path = `filter.${name}.${operator}`;
    const contains = (entry: string) => sql`${column} @> ${JSON.stringify([{ [property]: normalise(entry) }])}::jsonb`;
    switch (operator) {
      case "eq":
        return contains(value);
      case "ne":
        return sql`not (${contains(value)})`;
      case "in":
        return sql`(${sql.join(value.split(",").map((entry) => contains(entry.trim())), sql` or `)})`;
      case "contains":
        return sql`exists (select 1 from jsonb_array_elements(${column}) as entry where entry->>${property} ilike ${`%${escapeLike(value.trim())}%`})`;
      case "isEmpty":
        return parseBoolean(path, value) ? sql`jsonb_array_length(${column}) = 0` : sql`jsonb_array_length(${column}) > 0`;
      default:
        throw invalidFieldFor(path, ["eq", "ne", "in", "contains", "isEmpty"]);
    }
  };
}
