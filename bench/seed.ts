import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { v7 } from "uuid";

/**
 * Bulk-loads realistic, varied contacts and companies for one workspace with the raw driver
 * (COPY on PostgreSQL, 1,000-row INSERTs on PGlite) as the login role, which bypasses RLS.
 * Deterministic: the same N and owners give the same names, stages and spread.
 */
export interface SeedPlan {
  workspaceId: string;
  ownerIds: string[];
  contacts: number;
  companies: number;
}

/** Values the scenarios rotate through, collected while generating (live rows only). */
export interface Samples {
  ids: string[];
  emails: string[];
}

// prettier-ignore
const firstNames = ["Olivia", "Liam", "Emma", "Noah", "Amelia", "Oliver", "Sophia", "Elijah", "Charlotte", "James", "Ava", "William", "Isabella", "Benjamin", "Mia", "Lucas", "Evelyn", "Henry", "Harper", "Theodore", "Luna", "Jack", "Camila", "Levi", "Gianna", "Alexander", "Elizabeth", "Jackson", "Eleanor", "Mateo", "Ella", "Daniel", "Abigail", "Michael", "Sofia", "Mason", "Avery", "Sebastian", "Scarlett", "Ethan", "Emily", "Logan", "Aria", "Owen", "Penelope", "Samuel", "Chloe", "Jacob", "Layla", "Asher", "Mila", "Aiden", "Nora", "John", "Hazel", "Joseph", "Madison", "Wyatt", "Ellie", "David", "Lily", "Leo", "Nova", "Luke", "Isla", "Julian", "Grace", "Hudson", "Violet", "Grayson", "Aurora", "Matthew", "Riley", "Ezra", "Zoey", "Gabriel", "Willow", "Carter", "Emilia", "Isaac", "Stella", "Jayden", "Zoe", "Anthony", "Victoria", "Dylan", "Hannah", "Lincoln", "Addison", "Thomas", "Leah", "Maverick", "Lucy", "Elias", "Eliana", "Josiah", "Ivy", "Charles", "Everly", "Caleb", "Lillian", "Christopher", "Paisley", "Ezekiel", "Elena", "Miles", "Naomi", "Jaxon", "Maya", "Isaiah", "Natalie", "Andrew", "Kinsley", "Joshua", "Delilah", "Nathan", "Claire", "Nolan", "Audrey", "Adrian", "Aaliyah", "Cameron", "Ruby", "Santiago", "Brooklyn", "Eli", "Alice", "Aaron", "Aubrey", "Ryan", "Autumn", "Angel", "Leilani", "Cooper", "Savannah", "Waylon", "Valentina", "Easton", "Kennedy", "Kai", "Madelyn", "Christian", "Josephine", "Landon", "Bella", "Colton", "Skylar", "Roman", "Genesis", "Axel", "Sadie", "Brooks", "Hailey", "Jonathan", "Sarah", "Robert", "Quinn", "Jameson", "Ariana", "Ian", "Allison", "Everett", "Gabriella", "Greyson", "Anna", "Wesley", "Samantha", "Jeremiah", "Nevaeh", "Hunter", "Cora", "Leonardo", "Arya", "Jordan", "Emery", "Jose", "Clara", "Bennett", "Caroline", "Silas", "Kehlani", "Nicholas", "Eva", "Parker", "Lydia", "Beau", "Jade", "Weston", "Piper", "Austin", "Raelynn", "Connor", "Athena", "Carson", "Rylee", "Dominic", "Iris", "Xavier", "Serenity", "Jaxson", "Nicole"];
// prettier-ignore
const lastNames = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Dubois", "Lefebvre", "Moreau", "Laurent", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Kowalski", "Nowak", "Wiśniewski", "Novak", "Svoboda", "Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Andersson", "Johansson", "Karlsson", "Nilsson", "Hansen", "Nielsen", "Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Wang", "Li", "Zhang", "Liu", "Chen", "Singh", "Kumar", "Sharma", "Silva", "Santos", "Oliveira", "Souza", "Pereira"];
const companyWords = ["Northwind", "Contoso", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Acme", "Hooli", "Vandelay", "Soylent", "Cyberdyne", "Tyrell", "Wonka", "Aperture", "Oscorp", "Pied", "Massive", "Dynamic", "Blue", "Red", "Green", "Silver", "Golden", "Atlas", "Summit", "Pioneer", "Harbor", "Granite", "Cedar"];
const companySuffixes = ["Logistics", "Systems", "Foods", "Labs", "Consulting", "Media", "Retail", "Energy", "Health", "Capital", "Robotics", "Studios", "Partners", "Works", "Group"];
const domains = ["example.com", "example.org", "example.net", "mail.test", "corp.test", "inbox.test"];
const jobTitles = ["CEO", "CTO", "Head of Sales", "Account Executive", "Marketing Manager", "Engineer", "Designer", "Buyer", "Office Manager", "Consultant", "Director of Operations", "Product Manager"];
const sources = ["web", "referral", "event", "import", "cold_outreach", "partner"];
const tagPool = ["vip", "newsletter", "beta", "partner", "trade-show", "churn-risk", "enterprise", "smb"];
const cities = ["Berlin", "Paris", "Lisbon", "Austin", "Toronto", "Osaka", "Melbourne", "Warsaw", "Madrid", "Oslo"];
// Weighted like a real funnel: many leads and subscribers, fewer customers and advocates.
const stages = [
  ["subscriber", 20],
  ["lead", 30],
  ["qualified", 12],
  ["opportunity", 8],
  ["customer", 18],
  ["advocate", 4],
  ["at_risk", 4],
  ["churned", 4],
] as const;

export const contactColumns = [
  "workspace_id", "id", "created_at", "updated_at", "created_by", "first_name", "last_name", "emails", "phones", "job_title",
  "company_id", "owner_id", "lifecycle_stage", "source", "tags", "birthday", "address", "notes", "deleted_at",
] as const;
const companyColumns = ["workspace_id", "id", "created_at", "updated_at", "created_by", "name", "domain", "industry", "employee_count", "owner_id", "tags"] as const;

export type Value = string | number | null;

/** mulberry32: small, fast and seedable. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const spanMs = 2 * 365 * 24 * 3600 * 1000;

function* companyRows(plan: SeedPlan, ids: string[]): Generator<Value[]> {
  const rand = random(7);
  const start = Date.now() - spanMs;
  for (let index = 0; index < plan.companies; index++) {
    const createdMs = start + Math.floor((index / plan.companies) * spanMs * 0.5);
    const id = v7({ msecs: createdMs });
    ids.push(id);
    const name = `${companyWords[index % companyWords.length]} ${companySuffixes[Math.floor(index / companyWords.length) % companySuffixes.length]} ${index + 1}`;
    const owner = plan.ownerIds[index % plan.ownerIds.length];
    yield [plan.workspaceId, id, new Date(createdMs).toISOString(), new Date(createdMs + Math.floor(rand() * spanMs * 0.5)).toISOString(), owner, name,
      `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.test`, companySuffixes[index % companySuffixes.length], 10 + Math.floor(rand() * 5000), owner, "{}"];
  }
}

function* contactRows(plan: SeedPlan, companyIds: string[], samples: Samples): Generator<Value[]> {
  const rand = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const now = Date.now();
  const start = now - spanMs;
  const sampleEvery = Math.max(1, Math.floor(plan.contacts / 2000));
  const stageTotal = stages.reduce((sum, [, weight]) => sum + weight, 0);
  for (let index = 0; index < plan.contacts; index++) {
    const createdMs = start + Math.floor((index / plan.contacts) * spanMs);
    const updatedMs = createdMs + Math.floor(rand() * rand() * (now - createdMs));
    const id = v7({ msecs: createdMs });
    const first = pick(firstNames);
    const last = rand() < 0.04 ? null : pick(lastNames);
    const local = `${first}.${last ?? "x"}.${index}`.toLowerCase().replace(/[^a-z0-9.]+/g, "");
    const email = `${local}@${pick(domains)}`;
    const emails = [{ address: email, primary: true }];
    if (rand() < 0.1) emails.push({ address: `${first.toLowerCase()}${index}@work.test`, primary: false });
    const phones = rand() < 0.6 ? [{ number: `+1555${String(1_000_000 + index).slice(-7)}`, label: "work", primary: true }] : [];
    let roll = rand() * stageTotal;
    const stage = stages.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? "lead";
    const tags = rand() < 0.3 ? [pick(tagPool), ...(rand() < 0.3 ? [pick(tagPool)] : [])] : [];
    const owner = rand() < 0.08 ? null : pick(plan.ownerIds);
    const deleted = rand() < 0.01 ? new Date(updatedMs).toISOString() : null;
    if (!deleted && index % sampleEvery === 0) {
      samples.ids.push(id);
      samples.emails.push(email);
    }
    yield [
      plan.workspaceId, id, new Date(createdMs).toISOString(), new Date(updatedMs).toISOString(), owner ?? plan.ownerIds[0], first, last,
      JSON.stringify(emails), JSON.stringify(phones), rand() < 0.5 ? pick(jobTitles) : null, rand() < 0.7 ? pick(companyIds) : null, owner, stage,
      rand() < 0.8 ? pick(sources) : null, `{${[...new Set(tags)].join(",")}}`,
      rand() < 0.3 ? `19${50 + Math.floor(rand() * 50)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}` : null,
      rand() < 0.4 ? JSON.stringify({ city: pick(cities), country: "Testland" }) : null, rand() < 0.1 ? `Met at ${pick(cities)}; follow up in Q${1 + Math.floor(rand() * 4)}.` : null,
      deleted,
    ];
  }
}

const csvValue = (value: Value) => (value === null ? "" : typeof value === "number" ? String(value) : `"${value.replace(/"/g, '""')}"`);

/** Rows as CSV text in chunks of 5,000, for COPY. */
function csvStream(rows: Generator<Value[]>) {
  return Readable.from(
    (function* () {
      let chunk: string[] = [];
      for (const row of rows) {
        chunk.push(row.map(csvValue).join(","));
        if (chunk.length === 5000) {
          yield chunk.join("\n") + "\n";
          chunk = [];
        }
      }
      if (chunk.length) yield chunk.join("\n") + "\n";
    })(),
  );
}

export interface Executor {
  kind: "postgres" | "pglite";
  exec(text: string): Promise<void>;
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  copy?(table: string, columns: readonly string[], rows: Generator<Value[]>): Promise<void>;
}

export function pgExecutor(client: pg.PoolClient): Executor {
  return {
    kind: "postgres",
    exec: async (text) => void (await client.query(text)),
    query: (text, params) => client.query(text, params),
    async copy(table, columns, rows) {
      const sink = client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv)`));
      await pipeline(csvStream(rows), sink);
    },
  };
}

export function pgliteExecutor(pglite: PGlite): Executor {
  return {
    kind: "pglite",
    exec: async (text) => void (await pglite.exec(text)),
    query: async (text, params) => ({ rows: (await pglite.query<Record<string, unknown>>(text, params)).rows }),
  };
}

async function insertRows(executor: Executor, table: string, columns: readonly string[], rows: Generator<Value[]>) {
  if (executor.copy) return executor.copy(table, columns, rows);
  const flush = async (batch: Value[][]) => {
    const values = batch.map((_, row) => `(${columns.map((__, column) => `$${row * columns.length + column + 1}`).join(", ")})`);
    await executor.query(`insert into ${table} (${columns.join(", ")}) values ${values.join(", ")}`, batch.flat());
  };
  let batch: Value[][] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === 1000) {
      await flush(batch);
      batch = [];
    }
  }
  if (batch.length) await flush(batch);
}

export interface SeedOptions {
  /** Rewrites the stream of contact rows on its way to the database (bench/duplicates.ts plants duplicates); at most plan.contacts rows. */
  contacts?: (rows: Generator<Value[]>) => Generator<Value[]>;
}

/**
 * Loads companies then contacts. The secondary indexes of contacts are dropped during the load and
 * rebuilt from their own definitions afterwards (the usual bulk-load practice), and the FK
 * trigger is skipped with session_replication_role (the data is consistent by construction).
 */
export async function seed(executor: Executor, plan: SeedPlan, log: (line: string) => void, options: SeedOptions = {}): Promise<Samples> {
  const samples: Samples = { ids: [], emails: [] };
  const companyIds: string[] = [];
  await executor.exec("set session_replication_role = replica; set maintenance_work_mem = '512MB'");
  const started = performance.now();
  await insertRows(executor, "companies", companyColumns, companyRows(plan, companyIds));

  const { rows: indexes } = await executor.query(
    `select c.relname as name, pg_get_indexdef(i.indexrelid) as def from pg_index i join pg_class c on c.oid = i.indexrelid
     where i.indrelid = 'contacts'::regclass and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
  );
  for (const index of indexes) await executor.exec(`drop index ${index.name as string}`);
  const rows = contactRows(plan, companyIds, samples);
  await insertRows(executor, "contacts", contactColumns, options.contacts ? options.contacts(rows) : rows);
  const loaded = performance.now();
  log(`loaded ${plan.contacts.toLocaleString("en")} contacts + ${plan.companies} companies in ${((loaded - started) / 1000).toFixed(1)} s (${Math.round(plan.contacts / ((loaded - started) / 1000)).toLocaleString("en")} rows/s)`);
  for (const index of indexes) await executor.exec(index.def as string);
  await executor.exec("set session_replication_role = origin; analyze");
  log(`rebuilt ${indexes.length} indexes and analyzed in ${((performance.now() - loaded) / 1000).toFixed(1)} s`);
  return samples;
}
