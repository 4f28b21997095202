import { sql } from "drizzle-orm";
import type { DuplicateGroup, DuplicateObject, DuplicateReason, RecordWarning } from "../../../../contracts/index.js";
import type { Transaction } from "../../db/workspace-transaction.js";

/** How sure one reason alone is; a similar name scales with its trigram similarity (0.6–1). */
const reasonWeight: Record<DuplicateReason, (score: number) => number> = {
  same_email: () => 0.95,
  same_phone: () => 0.85,
  same_domain: () => 0.9,
  same_name: () => 0.6,
  similar_name_same_company: (score) => 0.5 + (score - 0.6),
};

/** Above this many records sharing a key (a shared info@ address), the key says nothing about identity. */
export const maxGroupSize = 50;

interface GroupRow {
  ids: string[];
  reason: DuplicateReason;
  score: number;
}

/** Independent signals add up: 1 − Π(1 − weight), rounded for a stable answer. */
export function combine(rows: GroupRow[]): DuplicateGroup[] {
  const groups = new Map<string, { ids: string[]; reasons: Map<DuplicateReason, number> }>();
  for (const row of rows) {
    const ids = [...row.ids].sort();
    const key = ids.join(",");
    const group = groups.get(key) ?? { ids, reasons: new Map() };
    group.reasons.set(row.reason, Math.max(group.reasons.get(row.reason) ?? 0, reasonWeight[row.reason](Number(row.score))));
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ ids, reasons }) => ({
      ids,
      reasons: [...reasons.keys()].sort(),
      confidence: Math.round((1 - [...reasons.values()].reduce((remaining, weight) => remaining * (1 - weight), 1)) * 1000) / 1000,
    }))
    .sort((a, b) => b.confidence - a.confidence || a.ids[0].localeCompare(b.ids[0]));
}

/** Every group of live records of the workspace that look like the same customer, surest first. */
export async function findDuplicateGroups(tx: Transaction, object: DuplicateObject, limit: number): Promise<DuplicateGroup[]> {
  const query =
    object === "contact"
      ? sql`select ids, reason, score from duplicate_contact_groups(${maxGroupSize})`
      : sql`select ids, reason, score from duplicate_company_groups(${maxGroupSize})`;
  const result = (await tx.execute(query)) as unknown as { rows: unknown[] };
  return combine(result.rows as GroupRow[]).slice(0, limit);
}

/** Live records that look like this one (same e-mail, phone, domain or a similar name at its company). */
export async function possibleDuplicateIds(tx: Transaction, object: DuplicateObject, id: string): Promise<string[]> {
  const query = object === "contact" ? sql`select id from contact_duplicate_candidates(${id}::uuid)` : sql`select id from company_duplicate_candidates(${id}::uuid)`;
  const result = (await tx.execute(query)) as unknown as { rows: unknown[] };
  return (result.rows as Array<{ id: string }>).map((row) => row.id);
}

/** The warnings a create answers with; none when nothing matches. */
export async function duplicateWarnings(tx: Transaction, object: DuplicateObject, id: string): Promise<RecordWarning[] | undefined> {
  const ids = await possibleDuplicateIds(tx, object, id);
  return ids.length ? [{ kind: "possible_duplicate", ids }] : undefined;
}
