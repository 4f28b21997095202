import type { DatabaseHandle } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace } from "../../db/workspace-transaction.js";
import { contacts } from "../../customers/contacts/contacts.schema.js";
import { companies } from "../../customers/companies/companies.schema.js";
import { findUserByEmail } from "../auth/auth.repository.js";
import { hashPassword } from "../auth/secrets.js";
import { insertUser } from "../auth/users.repository.js";
import { insertMembership, insertWorkspace } from "../workspaces/workspaces.repository.js";
import { teams } from "../workspaces/workspaces.schema.js";
import { seedDemoSales } from "./demo-sales.js";

export const demoLogin = { email: "demo@pillar.test", password: "pillar-demo-2026" };

const stages = ["subscriber", "lead", "lead", "qualified", "opportunity", "customer", "customer", "advocate", "at_risk", "churned"] as const;
const industries = ["Software", "Retail", "Manufacturing", "Healthcare", "Finance", "Logistics", "Education", "Media", "Energy", "Hospitality"];
const sources = ["website", "referral", "event", "cold call", "partner", "advertising", "import"];
const tagPool = ["vip", "newsletter", "trial", "partner", "enterprise", "smb", "event-2026", "priority"];
const phonePrefixes = ["+44 20 7946 0", "+1 415 555 0", "+49 30 901820", "+33 1 70 18 9"];

/**
 * A deterministic demo workspace (same people and companies every time): 300 companies,
 * 3,000 contacts, four members in two teams, and their sales (demo-sales.ts). Running it twice
 * does nothing the second time.
 */
export async function seedDemoWorkspace(database: DatabaseHandle, sizes = { companies: 300, contacts: 3000, deals: 240, paperTrails: 25 }) {
  // Loaded here, not at start-up: only a demo start needs the data generator (~200 ms to load).
  const { faker } = await import("@faker-js/faker");
  const { db } = database;
  if (await findUserByEmail(db, demoLogin.email)) return demoLogin;
  faker.seed(2026);
  faker.setDefaultRefDate(new Date("2026-11-01T00:00:00Z"));

  const workspaceId = newId();
  const now = new Date();
  const passwordHash = await hashPassword(demoLogin.password);
  const people = [
    { email: demoLogin.email, name: "Dana Demo", role: "owner" as const },
    { email: "manager@pillar.test", name: "Morgan Manager", role: "manager" as const },
    { email: "member@pillar.test", name: "Sam Seller", role: "member" as const },
    { email: "viewer@pillar.test", name: "Riley Reader", role: "read_only" as const },
  ].map((person) => ({ ...person, id: newId() }));

  await db.transaction(async (tx) => {
    await insertWorkspace(tx, { id: workspaceId, name: "Acme Demo", createdAt: now, updatedAt: now });
    for (const person of people) {
      await insertUser(tx, { id: person.id, email: person.email, name: person.name, passwordHash, createdAt: now, updatedAt: now });
      await insertMembership(tx, { workspaceId, userId: person.id, role: person.role, createdAt: now, updatedAt: now });
    }
  });

  const seeded = await inWorkspace(db, workspaceId, async (tx) => {
    const owner = people[0].id;
    const teamRows = ["Sales", "Customer Success"].map((name) => ({ workspaceId, id: newId(), name, createdAt: now, updatedAt: now, createdBy: owner }));
    await tx.insert(teams).values(teamRows);

    const companyRows = Array.from({ length: sizes.companies }, () => {
      const name = faker.company.name();
      const createdAt = faker.date.past({ years: 2 });
      return {
        workspaceId,
        id: newId(),
        name,
        domain: `${faker.helpers.slugify(name).toLowerCase().replace(/[^a-z0-9-]/g, "").replace(/-+/g, "-").slice(0, 40)}.example.com`,
        industry: faker.helpers.arrayElement(industries),
        employeeCount: faker.number.int({ min: 2, max: 20_000 }),
        annualRevenueAmount: faker.number.int({ min: 10_000, max: 500_000_000 }) * 100,
        annualRevenueCurrency: faker.helpers.arrayElement(["USD", "EUR", "GBP"]),
        address: { city: faker.location.city(), country: faker.location.country() },
        ownerId: faker.helpers.arrayElement(people.slice(0, 3)).id,
        tags: faker.helpers.arrayElements(tagPool, { min: 0, max: 2 }),
        createdAt,
        updatedAt: faker.date.between({ from: createdAt, to: "2026-11-01T00:00:00Z" }),
        createdBy: owner,
      };
    });
    for (let start = 0; start < companyRows.length; start += 500) await tx.insert(companies).values(companyRows.slice(start, start + 500));

    const contactRows = Array.from({ length: sizes.contacts }, (_, index) => {
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      const company = faker.helpers.maybe(() => faker.helpers.arrayElement(companyRows), { probability: 0.85 });
      const createdAt = faker.date.past({ years: 2 });
      return {
        workspaceId,
        id: newId(),
        firstName,
        lastName,
        emails: [{ address: faker.internet.email({ firstName, lastName, provider: company?.domain ?? "mail.example.org" }).toLowerCase(), primary: true }],
        phones: [{ number: `${phonePrefixes[index % phonePrefixes.length]}${String(index % 1000).padStart(3, "0")}`.replace(/\s/g, ""), label: "work", primary: true }],
        jobTitle: faker.person.jobTitle(),
        companyId: company?.id ?? null,
        ownerId: faker.helpers.arrayElement(people.slice(0, 3)).id,
        lifecycleStage: faker.helpers.arrayElement(stages),
        source: faker.helpers.arrayElement(sources),
        tags: faker.helpers.arrayElements(tagPool, { min: 0, max: 3 }),
        birthday: faker.helpers.maybe(() => faker.date.birthdate().toISOString().slice(0, 10), { probability: 0.4 }) ?? null,
        address: { city: faker.location.city(), country: faker.location.country() },
        notes: faker.helpers.maybe(() => faker.lorem.sentences(2), { probability: 0.3 }) ?? null,
        createdAt,
        updatedAt: faker.date.between({ from: createdAt, to: "2026-11-01T00:00:00Z" }),
        createdBy: owner,
      };
    });
    for (let start = 0; start < contactRows.length; start += 500) await tx.insert(contacts).values(contactRows.slice(start, start + 500));
    return { companyIds: companyRows.map((row) => row.id), contactIds: contactRows.filter((row) => row.companyId).map((row) => row.id) };
  });
  const owner = { userId: people[0].id, apiKeyId: null, workspaceId, role: "owner" as const, via: "session" as const, sessionTokenHash: null };
  await seedDemoSales(faker, db, owner, { memberIds: people.slice(0, 3).map((person) => person.id), ...seeded }, sizes);
  return demoLogin;
}
