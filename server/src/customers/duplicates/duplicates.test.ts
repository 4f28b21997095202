import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { addMember, createActivity, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";
import { pngBytes, upload } from "../../../../test/uploads.js";

const context = useTestApp();
let owner: Actor;

beforeAll(async () => {
  owner = await signUpOwner(context.app);
});

describe("duplicate detection", () => {
  it("finds contacts sharing an e-mail, a phone, or a similar name at the same company, and companies sharing a domain", async () => {
    const workspace = await signUpOwner(context.app);
    const company = await createCompany(workspace, { name: "Initech", domain: "initech.example.com" });
    const twin = await createCompany(workspace, { name: "Initech Ltd", domain: "initech.example.com" });
    expect(twin.warnings).toEqual([{ kind: "possible_duplicate", ids: [company.id] }]);

    const ada = await createContact(workspace, { firstName: "Ada", lastName: "Lovelace", emails: [{ address: "ada@example.com", primary: true }], phones: [{ number: "+44 20 7946 0958", primary: true }] });
    const sameEmail = await createContact(workspace, { firstName: "A.", lastName: "King", emails: [{ address: "ADA@example.com", primary: true }] });
    expect(sameEmail.warnings).toEqual([{ kind: "possible_duplicate", ids: [ada.id] }]);
    const samePhone = await createContact(workspace, { firstName: "Augusta", lastName: "Byron", emails: [], phones: [{ number: "020 7946 0958 ".replace(/^0/, "+44 "), primary: true }] });
    expect(samePhone.warnings?.[0].ids).toEqual([ada.id]);
    const peter = await createContact(workspace, { firstName: "Peter", lastName: "Gibbons", emails: [], companyId: company.id });
    const petr = await createContact(workspace, { firstName: "Peter", lastName: "Gibons", emails: [], companyId: company.id });
    expect(petr.warnings?.[0].ids).toEqual([peter.id]);
    const elsewhere = await createContact(workspace, { firstName: "Peter", lastName: "Gibbons", emails: [] });
    expect(elsewhere.warnings).toBeUndefined();

    const contacts = await workspace.request("GET", "/api/v1/duplicates?object=contact");
    expect(contacts.status).toBe(200);
    const byReason = (reason: string) => contacts.body.data.find((group: { reasons: string[] }) => group.reasons.includes(reason));
    expect(byReason("same_email")).toMatchObject({ ids: [ada.id, sameEmail.id].sort(), confidence: 0.95 });
    expect(byReason("same_phone")).toMatchObject({ ids: [ada.id, samePhone.id].sort(), confidence: 0.85 });
    expect(byReason("similar_name_same_company").ids).toEqual([peter.id, petr.id].sort());
    expect(byReason("similar_name_same_company").confidence).toBeGreaterThan(0.5);
    expect(contacts.body.data.some((group: { ids: string[] }) => group.ids.includes(elsewhere.id))).toBe(false);

    const companies = await workspace.request("GET", "/api/v1/duplicates?object=company");
    expect(companies.body.data).toEqual([{ ids: [company.id, twin.id].sort(), confidence: 0.9, reasons: ["same_domain"] }]);

    // Another workspace sees none of it.
    const stranger = await signUpOwner(context.app);
    await createContact(stranger, { emails: [{ address: "ada@example.com", primary: true }] });
    expect((await stranger.request("GET", "/api/v1/duplicates?object=contact")).body.data).toEqual([]);
  });

  it("answers 400 naming the field for a bad object", async () => {
    const response = await owner.request("GET", "/api/v1/duplicates?object=deal");
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toContain("object");
  });
});

describe("merging contacts", () => {
  it("moves every link to the survivor, unions lists, takes chosen fields, and undo puts it all back", async () => {
    await owner.request("POST", "/api/v1/custom-fields", { object: "contact", key: "region", label: "Region", type: "text" });
    const acme = await createCompany(owner, { name: "Acme" });
    const survivor = await createContact(owner, { firstName: "Ada", lastName: "Lovelace", emails: [{ address: "ada@example.com", primary: true }], tags: ["vip"], jobTitle: "Analyst", custom: { region: "EMEA" } });
    const other = await createContact(owner, {
      firstName: "Ada",
      lastName: "Lovelace",
      emails: [{ address: "ada@work.example.com", primary: true }, { address: "ada@example.com", primary: false }],
      phones: [{ number: "+44 20 7946 0958", primary: true }],
      tags: ["math"],
      jobTitle: "Countess",
      companyId: acme.id,
      emailConsent: "opted_in",
      custom: { region: "APAC" },
    });
    const activity = await createActivity(owner, { type: "note", subject: "Met at the fair", body: "Talked engines", contactIds: [other.id] });
    const shared = await createActivity(owner, { type: "note", subject: "Both", body: "Both there", contactIds: [survivor.id, other.id] });
    const file = await upload(context.app, owner, { contactId: other.id }, { name: "portrait.png", contentType: "image/png", content: pngBytes });

    const merged = await owner.request("POST", "/api/v1/contacts/merge", { survivorId: survivor.id, mergeIds: [other.id], fields: { jobTitle: other.id, companyId: other.id, "custom.region": other.id } });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      id: survivor.id,
      jobTitle: "Countess",
      company: { id: acme.id, name: "Acme" },
      emails: [{ address: "ada@example.com", primary: true }, { address: "ada@work.example.com", primary: false }],
      phones: [{ number: "+442079460958", primary: true }],
      tags: ["vip", "math"],
      custom: { region: "APAC" },
    });
    expect(merged.body.mergeId).toBeTruthy();
    expect((await owner.request("GET", `/api/v1/contacts/${other.id}`)).status).toBe(404);
    expect((await owner.request("GET", `/api/v1/activities/${activity.id}`)).body.contactIds).toEqual([survivor.id]);
    expect((await owner.request("GET", `/api/v1/activities/${shared.id}`)).body.contactIds.sort()).toEqual([survivor.id, other.id].sort());
    expect((await owner.request("GET", `/api/v1/attachments?contactId=${survivor.id}`)).body.data.map((item: { id: string }) => item.id)).toEqual([file.body.id]);
    expect((await owner.request("GET", `/api/v1/contacts/${survivor.id}/consent-history`)).body.data).toHaveLength(1);

    const undone = await owner.request("POST", `/api/v1/merges/${merged.body.mergeId}/undo`);
    expect(undone.status).toBe(200);
    const restored = await owner.request("GET", `/api/v1/contacts/${survivor.id}`);
    expect(restored.body).toMatchObject({ jobTitle: "Analyst", companyId: null, tags: ["vip"], emails: [{ address: "ada@example.com", primary: true }], custom: { region: "EMEA" } });
    expect((await owner.request("GET", `/api/v1/contacts/${other.id}`)).status).toBe(200);
    expect((await owner.request("GET", `/api/v1/activities/${activity.id}`)).body.contactIds).toEqual([other.id]);
    expect((await owner.request("GET", `/api/v1/attachments?contactId=${other.id}`)).body.data).toHaveLength(1);
    expect((await owner.request("GET", `/api/v1/contacts/${other.id}/consent-history`)).body.data).toHaveLength(1);
    expect((await owner.request("POST", `/api/v1/merges/${merged.body.mergeId}/undo`)).status).toBe(409);

    const audit = await owner.request("GET", `/api/v1/audit?entityType=contact&entityId=${other.id}`);
    expect(audit.status).toBe(200);
  });

  it("refuses bad input with 400 naming the field and nothing written", async () => {
    const a = await createContact(owner);
    const b = await createContact(owner);
    const cases: [unknown, string][] = [
      [{ survivorId: a.id, mergeIds: [] }, "mergeIds"],
      [{ survivorId: a.id, mergeIds: [a.id] }, "mergeIds"],
      [{ survivorId: a.id, mergeIds: [b.id], fields: { jobTitle: "01900000-0000-7000-8000-000000000000" } }, "fields"],
      [{ survivorId: a.id, mergeIds: [b.id], fields: { searchText: b.id } }, "fields.searchText"],
      [{ survivorId: a.id, mergeIds: [b.id], fields: { "custom.nope": b.id } }, "fields.custom.nope"],
      [{ survivorId: "x", mergeIds: [b.id] }, "survivorId"],
    ];
    for (const [payload, path] of cases) {
      const response = await owner.request("POST", "/api/v1/contacts/merge", payload);
      expect(response.status, JSON.stringify(payload)).toBe(400);
      expect(response.body.errors.map((error: { path: string }) => error.path).join(" ")).toContain(path);
    }
    expect((await owner.request("GET", `/api/v1/contacts/${b.id}`)).status).toBe(200);
  });

  it("is 404 across workspaces and 403 for a member merging others' records or undoing another's merge", async () => {
    const stranger = await signUpOwner(context.app);
    const a = await createContact(owner);
    const b = await createContact(owner);
    expect((await stranger.request("POST", "/api/v1/contacts/merge", { survivorId: a.id, mergeIds: [b.id] })).status).toBe(404);

    const member = await addMember(context.app, owner, "member");
    expect((await member.request("POST", "/api/v1/contacts/merge", { survivorId: a.id, mergeIds: [b.id] })).status).toBe(403);
    const reader = await addMember(context.app, owner, "read_only");
    expect((await reader.request("POST", "/api/v1/contacts/merge", { survivorId: a.id, mergeIds: [b.id] })).status).toBe(403);

    const mine = await createContact(member);
    const alsoMine = await createContact(member);
    const merged = await member.request("POST", "/api/v1/contacts/merge", { survivorId: mine.id, mergeIds: [alsoMine.id] });
    expect(merged.status).toBe(200);
    const otherMember = await addMember(context.app, owner, "member");
    expect((await otherMember.request("POST", `/api/v1/merges/${merged.body.mergeId}/undo`)).status).toBe(403);
    expect((await stranger.request("POST", `/api/v1/merges/${merged.body.mergeId}/undo`)).status).toBe(404);
    expect((await owner.request("POST", `/api/v1/merges/${merged.body.mergeId}/undo`)).status).toBe(200);
  });
});

describe("merging companies", () => {
  it("moves the merged company's contacts to the survivor and back on undo", async () => {
    const survivor = await createCompany(owner, { name: "Globex", domain: "globex.example.com", tags: ["a"] });
    const other = await createCompany(owner, { name: "Globex Corp", domain: "globex.example.com", tags: ["b"], industry: "Energy" });
    const employee = await createContact(owner, { companyId: other.id });
    const merged = await owner.request("POST", "/api/v1/companies/merge", { survivorId: survivor.id, mergeIds: [other.id], fields: { industry: other.id } });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ id: survivor.id, industry: "Energy", tags: ["a", "b"], contactCount: 1 });
    expect((await owner.request("GET", `/api/v1/contacts/${employee.id}`)).body.companyId).toBe(survivor.id);
    expect((await owner.request("POST", `/api/v1/merges/${merged.body.mergeId}/undo`)).status).toBe(200);
    expect((await owner.request("GET", `/api/v1/contacts/${employee.id}`)).body.companyId).toBe(other.id);
    expect((await owner.request("GET", `/api/v1/companies/${survivor.id}`)).body).toMatchObject({ industry: "Software", tags: ["a"] });
  });
});
