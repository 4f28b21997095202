import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { countRows, queryRows } from "../../../../test/db.js";
import { addMember, createContact, signUpOwner } from "../../../../test/factories.js";
import { pngBytes, upload } from "../../../../test/uploads.js";

const context = useTestApp();
let owner: Actor;

beforeAll(async () => {
  owner = await signUpOwner(context.app);
});

describe("marketing e-mail consent", () => {
  it("starts unknown and keeps every change with its source", async () => {
    const contact = await createContact(owner);
    expect(contact).toMatchObject({ emailConsent: "unknown", doNotContact: false });
    const optedIn = await owner.request("PATCH", `/api/v1/contacts/${contact.id}`, { emailConsent: "opted_in", consentSource: "Newsletter form" });
    expect(optedIn.status).toBe(200);
    expect(optedIn.body.emailConsent).toBe("opted_in");
    await owner.request("PATCH", `/api/v1/contacts/${contact.id}`, { jobTitle: "CTO" });
    await owner.request("PATCH", `/api/v1/contacts/${contact.id}`, { emailConsent: "opted_out", consentSource: "Unsubscribe link", doNotContact: true });

    const history = await owner.request("GET", `/api/v1/contacts/${contact.id}/consent-history`);
    expect(history.status).toBe(200);
    expect(history.body.data).toMatchObject([
      { emailConsent: "opted_in", previousEmailConsent: "unknown", source: "Newsletter form", changedBy: owner.userId },
      { emailConsent: "opted_out", previousEmailConsent: "opted_in", source: "Unsubscribe link" },
    ]);
    expect((await owner.request("GET", `/api/v1/contacts/${contact.id}`)).body).toMatchObject({ emailConsent: "opted_out", doNotContact: true });
  });

  it("records the consent a contact is created with", async () => {
    const contact = await createContact(owner, { emailConsent: "opted_in", consentSource: "Trade fair" });
    const history = await owner.request("GET", `/api/v1/contacts/${contact.id}/consent-history`);
    expect(history.body.data).toMatchObject([{ emailConsent: "opted_in", previousEmailConsent: null, source: "Trade fair" }]);
  });

  it("refuses a bad consent value, or a source without a change, writing nothing", async () => {
    const contact = await createContact(owner);
    const bad = await owner.request("PATCH", `/api/v1/contacts/${contact.id}`, { emailConsent: "maybe" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("body.emailConsent");
    const lonely = await owner.request("PATCH", `/api/v1/contacts/${contact.id}`, { consentSource: "Phone call" });
    expect(lonely.status).toBe(400);
    expect(lonely.body.errors[0].path).toBe("body.consentSource");
    expect(await countRows(context.database, "consent_history", sql`contact_id = ${contact.id}`)).toBe(0);
  });

  it("answers 404 for another workspace's contact", async () => {
    const contact = await createContact(owner);
    const stranger = await signUpOwner(context.app);
    expect((await stranger.request("GET", `/api/v1/contacts/${contact.id}/consent-history`)).status).toBe(404);
  });
});

describe("data export", () => {
  it("exports the contact, its consent history, audit and attachments, and logs the export", async () => {
    const contact = await createContact(owner, { firstName: "Export", emailConsent: "opted_in", consentSource: "Webinar" });
    await owner.request("PATCH", `/api/v1/contacts/${contact.id}`, { jobTitle: "Analyst" });
    const file = await upload(context.app, owner, { contactId: contact.id }, { name: "photo.png", contentType: "image/png", content: pngBytes });
    const note = await owner.request("POST", "/api/v1/activities", { type: "note", body: "Asked about pricing", contactIds: [contact.id] });
    expect(note.status, JSON.stringify(note.body)).toBe(201);

    const exported = await owner.request("GET", `/api/v1/contacts/${contact.id}/data-export`);
    expect(exported.status).toBe(200);
    expect(exported.headers["content-disposition"]).toBe(`attachment; filename="contact-${contact.id}.json"`);
    expect(exported.body.contact).toMatchObject({ id: contact.id, firstName: "Export", jobTitle: "Analyst", emailConsent: "opted_in" });
    expect(exported.body.consentHistory).toMatchObject([{ emailConsent: "opted_in", source: "Webinar" }]);
    expect(exported.body.audit.map((entry: { action: string }) => entry.action)).toEqual(["create", "update"]);
    expect(exported.body.related.attachments).toMatchObject([{ id: file.body.id, name: "photo.png" }]);
    expect(exported.body.related.activities).toMatchObject([{ id: note.body.id, type: "note", body: "Asked about pricing" }]);

    const history = await owner.request("GET", `/api/v1/audit?entityType=contact&entityId=${contact.id}`);
    expect(history.body.data[0]).toMatchObject({ action: "export", actor: { userId: owner.userId }, changes: {} });
  });

  it("is for admins and owners only, and answers 404 across workspaces", async () => {
    const contact = await createContact(owner);
    const manager = await addMember(context.app, owner, "manager");
    expect((await manager.request("GET", `/api/v1/contacts/${contact.id}/data-export`)).status).toBe(403);
    const stranger = await signUpOwner(context.app);
    expect((await stranger.request("GET", `/api/v1/contacts/${contact.id}/data-export`)).status).toBe(404);
  });
});

/** Every text, varchar, jsonb and text[] column of the public schema that contains the value. */
async function placesHolding(value: string): Promise<string[]> {
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    context.database,
    sql`select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
        where c.table_schema = 'public' and (c.data_type in ('text', 'jsonb', 'json', 'character varying') or c.udt_name in ('_text', '_varchar'))`,
  );
  expect(columns.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const [row] = await queryRows<{ n: number }>(
      context.database,
      sql`select count(*)::int as n from ${sql.identifier(table_name)} where ${sql.identifier(column_name)}::text ilike ${`%${value}%`}`,
    );
    if (Number(row.n) > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}

describe("erasure", () => {
  it("leaves no personal value anywhere in the database, keeps the anonymised row, and logs the erasure", async () => {
    const admin = await addMember(context.app, owner, "admin");
    const contact = await createContact(owner, {
      firstName: "Zelda",
      lastName: "Quibbleworth",
      emails: [{ address: "zelda.q@erase.example", primary: true }],
      phones: [{ number: "+44 20 7946 0123", primary: true }],
      jobTitle: "Chief Quibbler",
      birthday: "1980-02-29",
      address: { street: "12 Quibble Lane", city: "Xyzzyton" },
      notes: "Met at XyzzyCon",
      emailConsent: "opted_in",
      consentSource: "Signed up as zelda.q@erase.example",
    });
    await owner.request("PATCH", `/api/v1/contacts/${contact.id}`, { jobTitle: "Head of Quibbling", notes: "Prefers XyzzyMail" });
    const file = await upload(context.app, owner, { contactId: contact.id }, { name: "quibbleworth-passport.png", contentType: "image/png", content: pngBytes });
    const colleague = await createContact(owner, { firstName: "Colleague", notes: "Introduced by Zelda Quibbleworth (zelda.q@erase.example)" });
    const ownCall = await owner.request("POST", "/api/v1/activities", {
      type: "call",
      subject: "Call with Zelda Quibbleworth",
      body: "Wants XyzzyMail at 12 Quibble Lane",
      occurredAt: "2026-11-01T10:00:00.000Z",
      contactIds: [contact.id],
    });
    expect(ownCall.status, JSON.stringify(ownCall.body)).toBe(201);
    const sharedNote = await owner.request("POST", "/api/v1/activities", { type: "note", body: "Zelda Quibbleworth introduced Colleague", contactIds: [contact.id, colleague.id] });
    expect(sharedNote.status, JSON.stringify(sharedNote.body)).toBe(201);
    const activityFile = await upload(context.app, owner, { activityId: sharedNote.body.id }, { name: "minutes.png", contentType: "image/png", content: pngBytes });
    expect(activityFile.status, JSON.stringify(activityFile.body)).toBe(201);
    const contactsBefore = await countRows(context.database, "contacts");

    const member = await addMember(context.app, owner, "member");
    expect((await member.request("POST", `/api/v1/contacts/${contact.id}/erase`)).status).toBe(403);
    const stranger = await signUpOwner(context.app);
    expect((await stranger.request("POST", `/api/v1/contacts/${contact.id}/erase`)).status).toBe(404);

    const erased = await admin.request("POST", `/api/v1/contacts/${contact.id}/erase`);
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(erased.body.contactId).toBe(contact.id);

    for (const value of ["Quibbleworth", "zelda.q@erase.example", "+442079460123", "Quibbler", "Quibbling", "1980-02-29", "12 Quibble Lane", "Xyzzyton", "XyzzyCon", "XyzzyMail", "quibbleworth-passport"]) {
      expect(await placesHolding(value), value).toEqual([]);
    }

    const after = await owner.request("GET", `/api/v1/contacts/${contact.id}`);
    expect(after.body).toMatchObject({ firstName: "Erased contact", lastName: null, emails: [], phones: [], doNotContact: true });
    expect(await countRows(context.database, "contacts")).toBe(contactsBefore);
    expect((await owner.request("GET", `/api/v1/contacts/${colleague.id}`)).body.notes).toBe("Introduced by [erased] ([erased])");
    // An activity about this person alone keeps its place but not its words; a shared one stays for the others, scrubbed.
    expect((await owner.request("GET", `/api/v1/activities/${ownCall.body.id}`)).body).toMatchObject({ type: "call", subject: "[erased]", body: null });
    const colleagueTimeline = await owner.request("GET", `/api/v1/contacts/${colleague.id}/timeline`);
    expect(JSON.stringify(colleagueTimeline.body)).toContain("[erased] introduced Colleague");
    const consent = await owner.request("GET", `/api/v1/contacts/${contact.id}/consent-history`);
    expect(consent.body.data).toMatchObject([{ emailConsent: "opted_in", source: null }]);
    expect(fs.existsSync(path.join(context.dataDir, "attachments", owner.workspaceId, file.body.id))).toBe(false);
    const history = await owner.request("GET", `/api/v1/audit?entityType=contact&entityId=${contact.id}`);
    expect(history.body.data[0]).toMatchObject({ action: "erase", actor: { userId: admin.userId }, changes: {} });
    expect(history.body.data.find((entry: { action: string }) => entry.action === "update").changes.jobTitle).toEqual({ before: "[erased]", after: "[erased]" });
  });
});
