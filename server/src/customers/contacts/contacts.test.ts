import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../../test/app.js";
import { createCompany, createContact, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();

describe("contacts", () => {
  it("creates a contact with a normalised phone and e-mail and reads it back", async () => {
    const owner = await signUpOwner(context.app);
    const company = await createCompany(owner, { name: "Globex" });
    const created = await owner.request("POST", "/api/v1/contacts", {
      firstName: "John",
      lastName: "Smith",
      emails: [{ address: "John.Smith@Globex.COM" }],
      phones: [{ number: "+44 20 7946 0958" }],
      companyId: company.id,
    });
    expect(created.status).toBe(201);
    expect(created.body.emails).toEqual([{ address: "john.smith@globex.com", primary: true }]);
    expect(created.body.phones[0]).toMatchObject({ number: "+442079460958", primary: true });
    expect(created.body.company).toEqual({ id: company.id, name: "Globex" });
    expect(created.body.ownerId).toBe(owner.userId);

    const fetched = await owner.request("GET", `/api/v1/contacts/${created.body.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body.lastName).toBe("Smith");
  });

  it("pages through a sorted list with a cursor without repeating or skipping", async () => {
    const owner = await signUpOwner(context.app);
    for (const lastName of ["Avery", "Brown", "Clark", "Davis", "Evans"]) await createContact(owner, { lastName });
    await createContact(owner, { lastName: null });
    const seen: (string | null)[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { lastName: string | null }[]; nextCursor: string | null } } = await owner.request(
        "GET",
        `/api/v1/contacts?limit=2&sort=lastName${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...page.body.data.map((contact) => contact.lastName));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["Avery", "Brown", "Clark", "Davis", "Evans", null]);
  });

  it("finds contacts by name prefix, e-mail, phone digits and company name", async () => {
    const owner = await signUpOwner(context.app);
    const company = await createCompany(owner, { name: "Initech Systems" });
    const contact = await createContact(owner, { firstName: "Peter", lastName: "Gibbons", emails: [{ address: "peter@initech.example", primary: true }], phones: [{ number: "+1 415 555 0100", primary: true }], companyId: company.id });
    await createContact(owner, { firstName: "Someone", lastName: "Else" });
    for (const q of ["gibb", "peter@initech", "4155550100", "initech sys"]) {
      const result = await owner.request("GET", `/api/v1/contacts?q=${encodeURIComponent(q)}`);
      expect(result.status, q).toBe(200);
      expect(result.body.data.map((row: { id: string }) => row.id), q).toEqual([contact.id]);
    }
  });

  it("finds a whole e-mail address by its owners in this workspace, and by substring when nobody has it exactly", async () => {
    const owner = await signUpOwner(context.app);
    const stranger = await signUpOwner(context.app);
    const exact = await createContact(owner, { emails: [{ address: "ann@corp.example", primary: true }] });
    const longer = await createContact(owner, { emails: [{ address: "joann@corp.example", primary: true }] });
    const trashed = await createContact(owner, { emails: [{ address: "ann@corp.example", primary: true }] });
    await owner.request("DELETE", `/api/v1/contacts/${trashed.id}`);
    await createContact(stranger, { emails: [{ address: "ann@corp.example", primary: true }] });
    const ids = async (query: string) => (await owner.request("GET", `/api/v1/contacts?${query}`)).body.data.map((row: { id: string }) => row.id);

    expect(await ids("q=ANN%40corp.example")).toEqual([exact.id]);
    expect(await ids("q=ann%40corp.example&trash=true")).toEqual([trashed.id]);
    await owner.request("DELETE", `/api/v1/contacts/${exact.id}`);
    expect(await ids("q=ann%40corp.example")).toEqual([longer.id]);
  });

  it("soft-deletes into the trash, restores, and lets only admins purge from the trash", async () => {
    const owner = await signUpOwner(context.app);
    const contact = await createContact(owner);
    expect((await owner.request("DELETE", `/api/v1/contacts/${contact.id}`)).status).toBe(204);
    expect((await owner.request("GET", `/api/v1/contacts/${contact.id}`)).status).toBe(404);
    const trash = await owner.request("GET", "/api/v1/contacts?trash=true");
    expect(trash.body.data.map((row: { id: string }) => row.id)).toEqual([contact.id]);
    const restored = await owner.request("POST", `/api/v1/contacts/${contact.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.deletedAt).toBeNull();
    expect((await owner.request("DELETE", `/api/v1/contacts/${contact.id}/purge`)).status).toBe(409);
    await owner.request("DELETE", `/api/v1/contacts/${contact.id}`);
    expect((await owner.request("DELETE", `/api/v1/contacts/${contact.id}/purge`)).status).toBe(204);
    expect((await owner.request("GET", "/api/v1/contacts?trash=true")).body.data).toEqual([]);
  });

  it("records field-level history for create, update, delete and restore", async () => {
    const owner = await signUpOwner(context.app);
    const contact = await createContact(owner, { jobTitle: "Engineer" });
    await owner.request("PATCH", `/api/v1/contacts/${contact.id}`, { jobTitle: "CTO" });
    await owner.request("DELETE", `/api/v1/contacts/${contact.id}`);
    await owner.request("POST", `/api/v1/contacts/${contact.id}/restore`);
    const history = await owner.request("GET", `/api/v1/audit?entityType=contact&entityId=${contact.id}`);
    expect(history.body.data.map((entry: { action: string }) => entry.action)).toEqual(["restore", "delete", "update", "create"]);
    expect(history.body.data[2].changes).toEqual({ jobTitle: { before: "Engineer", after: "CTO" } });
    expect(history.body.data[2].actor.userId).toBe(owner.userId);
  });
});
