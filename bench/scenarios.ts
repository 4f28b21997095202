import { createHash } from "node:crypto";
import { v7 } from "uuid";
import type { Samples } from "./seed.js";
import { searchLimit } from "../server/src/customers/contacts/contacts.repository.js";

/**
 * The six measured operations, each as the HTTP request the API gets and as the SQL the API
 * runs for it (captured from the server with query logging and written out by hand here), so
 * the baseline does the same database work through the bare driver: the session look-up (as
 * often as the server's caller cache makes it), then a transaction opened together with the
 * workspace/role set_config, the queries, and the commit.
 */
export interface Context {
  workspaceId: string;
  userId: string;
  ownerIds: string[];
  sessionToken: string;
  samples: Samples;
}

/** name: run as a named prepared statement, as the server does for that query. */
export type Query = (text: string, params: unknown[], name?: string) => Promise<unknown>;

export interface Scenario {
  key: string;
  label: string;
  request(i: number): { method: "GET" | "POST"; path: string; body?: unknown };
  /** The queries inside the workspace transaction. */
  sql(query: Query, i: number): Promise<unknown>;
}

export const sessionSql =
  'select "sessions"."user_id", "sessions"."workspace_id", "memberships"."role", "sessions"."expires_at" from "sessions" inner join "memberships" on ("memberships"."user_id" = "sessions"."user_id" and "memberships"."workspace_id" = "sessions"."workspace_id") where ("sessions"."token_hash" = $1 and "sessions"."expires_at" > $2) limit $3';
/** The server sends BEGIN and the settings as one simple query with the (checked) workspace id in its text. */
export const beginInWorkspaceSql = (workspaceId: string) => `begin; select set_config('app.workspace_id', '${workspaceId}', true), set_config('role', 'crm_app', true)`;
export const workspaceSql = "select set_config('app.workspace_id', $1, true), set_config('role', 'crm_app', true)";

const select =
  'select "contacts"."workspace_id", "contacts"."id", "contacts"."created_at", "contacts"."updated_at", "contacts"."created_by", "contacts"."first_name", "contacts"."last_name", "contacts"."emails", "contacts"."phones", "contacts"."job_title", "contacts"."company_id", "contacts"."owner_id", "contacts"."lifecycle_stage", "contacts"."source", "contacts"."lead_status", "contacts"."tags", "contacts"."birthday", "contacts"."address", "contacts"."notes", "contacts"."email_consent", "contacts"."do_not_contact", "contacts"."custom", "contacts"."external_id", "contacts"."deleted_at", "companies"."name", "users"."name", "users"."email"';
const joins =
  ' from "contacts" left join "companies" on ("companies"."workspace_id" = "contacts"."workspace_id" and "companies"."id" = "contacts"."company_id") left join "users" on "users"."id" = "contacts"."owner_id"';
const order = ' order by "contacts"."updated_at" desc nulls last, "contacts"."id" desc';
const rank =
  '((case when lower("contacts"."first_name") like $1 or lower("contacts"."last_name") like $2 then 1 else 0 end) + word_similarity($3, "contacts"."search_text"))::real';
const searchSql = `${select}, ${rank}${joins} where ("contacts"."workspace_id" = $4 and "contacts"."deleted_at" is null and "contacts"."id" in (select contact_search_candidates($5, $6, $7, $8, $9))) order by ${rank.replace("$1", "$10").replace("$2", "$11").replace("$3", "$12")} desc nulls last, "contacts"."id" desc limit $13`;
const getSql = `${select}${joins} where ("contacts"."workspace_id" = $1 and "contacts"."id" = $2)`;
/** The server runs these as named prepared statements (db/prepared-queries.ts); the baseline prepares them too. */
const contactByIdStatement = "contact_by_id";
const leadRulesStatement = "active_lead_rules";
const auditStatement = "insert_audit_entry";
const leadRulesSql =
  'select "workspace_id", "id", "created_at", "updated_at", "created_by", "name", "position", "conditions", "strategy", "assignee_id", "team_id", "last_assignee_id", "is_active" from "lead_assignment_rules" where ("lead_assignment_rules"."workspace_id" = $1 and "lead_assignment_rules"."is_active" = $2) order by "lead_assignment_rules"."position" asc, "lead_assignment_rules"."created_at" asc, "lead_assignment_rules"."id" asc';
const insertSql =
  'insert into "contacts" ("workspace_id", "id", "created_at", "updated_at", "created_by", "first_name", "last_name", "emails", "phones", "job_title", "company_id", "owner_id", "lifecycle_stage", "source", "lead_status", "tags", "birthday", "address", "notes", "email_consent", "do_not_contact", "custom", "external_id", "import_id", "deleted_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, default, default, $10, default, default, $11, $12, default, default, default, default, default, $13, default, default, default)';
const duplicatesSql = "select id from contact_duplicate_candidates($1::uuid)";
const auditSql =
  'insert into "audit_log" ("workspace_id", "id", "entity_type", "entity_id", "action", "actor_user_id", "actor_api_key_id", "changes", "created_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9)';

export const stagesForFilter = ["lead", "customer", "qualified", "subscriber", "opportunity"];
/** Name prefixes typed into the search box: surnames and first names, 3–4 letters. */
export const searchPrefixes = ["Smi", "Garc", "Joh", "Mil", "Tay", "Oli", "Sop", "Wil", "Kow", "Nak", "Ben", "Har"];

const escapeLike = (value: string) => value.replace(/[\\%_]/g, "\\$&");

/** The API lower-cases the term and caps candidates at searchLimit. */
function search(query: Query, workspaceId: string, typed: string) {
  const term = typed.toLowerCase();
  const pattern = `%${escapeLike(term)}%`;
  const prefix = `${escapeLike(term)}%`;
  return query(searchSql, [prefix, prefix, term, workspaceId, term, pattern, prefix, false, searchLimit, prefix, prefix, term, 51]);
}

export function scenarios(context: Context): Scenario[] {
  const { workspaceId, ownerIds, samples } = context;
  const pickFrom = <T>(list: T[], i: number) => list[i % list.length];
  const combo = (i: number) => ({ stage: pickFrom(stagesForFilter, i), owner: ownerIds[Math.floor(i / stagesForFilter.length) % ownerIds.length] });
  const email = (i: number) => samples.emails[(i * 7919) % samples.emails.length];
  return [
    {
      key: "list",
      label: "list 50 by -updatedAt",
      request: () => ({ method: "GET", path: "/api/v1/contacts?limit=50&sort=-updatedAt" }),
      sql: (query) => query(`${select}${joins} where ("contacts"."workspace_id" = $1 and "contacts"."deleted_at" is null)${order} limit $2`, [workspaceId, 51]),
    },
    {
      key: "filter",
      label: "list by stage + owner",
      request: (i) => ({ method: "GET", path: `/api/v1/contacts?limit=50&filter[lifecycleStage][eq]=${combo(i).stage}&filter[ownerId][eq]=${combo(i).owner}` }),
      sql: (query, i) =>
        query(
          `${select}${joins} where ("contacts"."workspace_id" = $1 and "contacts"."deleted_at" is null and "contacts"."lifecycle_stage" = $2 and "contacts"."owner_id" = $3)${order} limit $4`,
          [workspaceId, combo(i).stage, combo(i).owner, 51],
        ),
    },
    {
      key: "search_name",
      label: "q= name prefix",
      request: (i) => ({ method: "GET", path: `/api/v1/contacts?q=${encodeURIComponent(pickFrom(searchPrefixes, i))}&limit=50` }),
      sql: (query, i) => search(query, workspaceId, pickFrom(searchPrefixes, i).toLowerCase()),
    },
    {
      key: "search_email",
      label: "q= exact e-mail",
      request: (i) => ({ method: "GET", path: `/api/v1/contacts?q=${encodeURIComponent(email(i))}&limit=50` }),
      sql: (query, i) => search(query, workspaceId, email(i).toLowerCase()),
    },
    {
      key: "get",
      label: "get by id",
      request: (i) => ({ method: "GET", path: `/api/v1/contacts/${samples.ids[(i * 104729) % samples.ids.length]}` }),
      sql: (query, i) => query(getSql, [workspaceId, samples.ids[(i * 104729) % samples.ids.length]], contactByIdStatement),
    },
    {
      key: "create",
      label: "create",
      request: (i) => ({ method: "POST", path: "/api/v1/contacts", body: { firstName: "Bench", lastName: `Api${i}`, emails: [{ address: `bench.api.${i}.${Date.now()}@example.com` }] } }),
      async sql(query, i) {
        const id = v7();
        const now = new Date().toISOString();
        const emails = [{ address: `bench.sql.${i}.${Date.now()}@example.com`, primary: true }];
        await query(leadRulesSql, [workspaceId, true], leadRulesStatement);
        await query(insertSql, [workspaceId, id, now, now, context.userId, "Bench", `Sql${i}`, JSON.stringify(emails), "[]", context.userId, "new", "{}", "{}"]);
        const row = await query(getSql, [workspaceId, id], contactByIdStatement);
        const changes = {
          tags: { before: null, after: [] },
          custom: { before: null, after: {} },
          emails: { before: null, after: emails },
          phones: { before: null, after: [] },
          ownerId: { before: null, after: context.userId },
          lastName: { before: null, after: `Sql${i}` },
          firstName: { before: null, after: "Bench" },
          leadStatus: { before: null, after: "new" },
          doNotContact: { before: null, after: false },
          emailConsent: { before: null, after: "unknown" },
          lifecycleStage: { before: null, after: "lead" },
        };
        await query(auditSql, [workspaceId, v7(), "contact", id, "create", context.userId, null, JSON.stringify(changes), now], auditStatement);
        await query(duplicatesSql, [id]);
        return row;
      },
    },
  ];
}

export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
