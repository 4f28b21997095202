import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { countRows } from "../../../../test/db.js";
import { addMember, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";
import { pdfBytes, pngBytes, upload } from "../../../../test/uploads.js";

const maxBytes = 64 * 1024;
const context = useTestApp({ PILLAR_ATTACHMENT_MAX_BYTES: String(maxBytes) });
let owner: Actor;
let contact: { id: string };

beforeAll(async () => {
  owner = await signUpOwner(context.app);
  contact = await createContact(owner);
});

const storedFile = (workspaceId: string, id: string) => path.join(context.dataDir, "attachments", workspaceId, id);
const storedFiles = (workspaceId: string) => {
  const folder = path.join(context.dataDir, "attachments", workspaceId);
  return fs.existsSync(folder) ? fs.readdirSync(folder) : [];
};

async function download(actor: Actor, id: string, query = "") {
  const response = await context.app.inject({ method: "GET", url: `/api/v1/attachments/${id}/content${query}`, headers: actor.headers });
  return { status: response.statusCode, headers: response.headers, raw: response.rawPayload };
}

describe("attachments", () => {
  it("uploads an image to a contact, lists it, and serves it inline with safe headers", async () => {
    const created = await upload(context.app, owner, { contactId: contact.id }, { name: "avatar.png", contentType: "image/png", content: pngBytes });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ name: "avatar.png", size: pngBytes.length, contentType: "image/png", isPreviewable: true, contactId: contact.id });
    expect(fs.readFileSync(storedFile(owner.workspaceId, created.body.id))).toEqual(pngBytes);

    const list = await owner.request("GET", `/api/v1/attachments?contactId=${contact.id}`);
    expect(list.status).toBe(200);
    expect(list.body.data.map((row: { id: string }) => row.id)).toEqual([created.body.id]);

    const content = await download(owner, created.body.id);
    expect(content.status).toBe(200);
    expect(content.raw).toEqual(pngBytes);
    expect(content.headers).toMatchObject({ "content-type": "image/png", "x-content-type-options": "nosniff" });
    expect(content.headers["content-disposition"]).toBe(`inline; filename="avatar.png"; filename*=UTF-8''avatar.png`);
    expect(content.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(content.headers["content-security-policy"]).toContain("sandbox");
    expect((await download(owner, created.body.id, "?download=true")).headers["content-disposition"]).toMatch(/^attachment;/);
  });

  it("previews PDFs inline and sends anything else as a download", async () => {
    const pdf = await upload(context.app, owner, { contactId: contact.id }, { name: "contract.pdf", contentType: "application/pdf", content: pdfBytes });
    expect(pdf.status).toBe(201);
    const pdfContent = await download(owner, pdf.body.id);
    expect(pdfContent.headers["content-disposition"]).toMatch(/^inline;/);
    expect(pdfContent.headers["content-security-policy"]).not.toContain("sandbox");

    const text = await upload(context.app, owner, { contactId: contact.id }, { name: "Notes – Zürich.txt", contentType: "text/plain", content: "call back on Monday" });
    expect(text.body).toMatchObject({ contentType: "text/plain", isPreviewable: false });
    const textContent = await download(owner, text.body.id);
    expect(textContent.headers["content-disposition"]).toBe(`attachment; filename="Notes _ Z_rich.txt"; filename*=UTF-8''Notes%20%E2%80%93%20Z%C3%BCrich.txt`);
  });

  it("attaches files to companies too", async () => {
    const company = await createCompany(owner);
    const created = await upload(context.app, owner, { companyId: company.id }, { name: "logo.png", contentType: "image/png", content: pngBytes });
    expect(created.status).toBe(201);
    const list = await owner.request("GET", `/api/v1/attachments?companyId=${company.id}`);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({ companyId: company.id, contactId: null });
  });

  it("keeps only the last segment of a hostile file name and stores the bytes under the attachment's id", async () => {
    const created = await upload(context.app, owner, { contactId: contact.id }, { name: "../../etc/passwd", contentType: "text/plain", content: "root:x:0:0" });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe("passwd");
    expect(fs.existsSync(storedFile(owner.workspaceId, created.body.id))).toBe(true);
    expect(fs.existsSync(path.join(context.dataDir, "etc"))).toBe(false);
  });

  it.each([
    ["an HTML page claiming to be a PNG", { name: "photo.png", contentType: "image/png", content: "<html><script>alert(1)</script></html>" }],
    ["a PNG declared as a PDF", { name: "scan.pdf", contentType: "application/pdf", content: pngBytes }],
    ["a PNG named .pdf", { name: "scan.pdf", contentType: "application/octet-stream", content: pngBytes }],
    ["a PNG named .txt", { name: "notes.txt", contentType: "text/plain", content: pngBytes }],
    ["text named .jpg", { name: "me.jpg", contentType: "application/octet-stream", content: "just text" }],
  ])("refuses %s with 415 and stores nothing", async (_name, file) => {
    const rows = await countRows(context.database, "attachments");
    const files = storedFiles(owner.workspaceId).length;
    const response = await upload(context.app, owner, { contactId: contact.id }, file);
    expect(response.status, JSON.stringify(response.body)).toBe(415);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.body.errors[0].path).toBe("file");
    expect(await countRows(context.database, "attachments")).toBe(rows);
    expect(storedFiles(owner.workspaceId)).toHaveLength(files);
  });

  it("refuses a file over the configured limit with 413 and keeps nothing of it", async () => {
    const rows = await countRows(context.database, "attachments");
    const files = storedFiles(owner.workspaceId).length;
    const response = await upload(context.app, owner, { contactId: contact.id }, { name: "big.txt", contentType: "text/plain", content: "x".repeat(maxBytes + 1) });
    expect(response.status).toBe(413);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(await countRows(context.database, "attachments")).toBe(rows);
    expect(storedFiles(owner.workspaceId)).toHaveLength(files);
  });

  it.each([
    ["no target", {}, "body.contactId"],
    ["two targets", { contactId: "0190b0a0-0000-7000-8000-000000000000", companyId: "0190b0a0-0000-7000-8000-000000000000" }, "body.contactId"],
    ["a target that is not a UUID", { contactId: "../x" }, "body.contactId"],
    ["an unknown field", { contactId: "0190b0a0-0000-7000-8000-000000000000", isAdmin: "true" }, "body.isAdmin"],
    ["an activity id that is not a UUID", { activityId: "../x" }, "body.activityId"],
  ])("answers 400 to %s, naming the field", async (_name, fields, field) => {
    const response = await upload(context.app, owner, fields, { name: "a.txt", contentType: "text/plain", content: "a" });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe(field);
  });

  it("attaches a file to an activity of the workspace, and answers 404 for another workspace's activity", async () => {
    const note = await owner.request("POST", "/api/v1/activities", { type: "note", body: "Signed scan attached", contactIds: [contact.id] });
    expect(note.status, JSON.stringify(note.body)).toBe(201);
    const attached = await upload(context.app, owner, { activityId: note.body.id }, { name: "scan.png", contentType: "image/png", content: pngBytes });
    expect(attached.status, JSON.stringify(attached.body)).toBe(201);
    const listed = await owner.request("GET", `/api/v1/attachments?activityId=${note.body.id}`);
    expect(listed.body.data.map((row: { id: string }) => row.id)).toEqual([attached.body.id]);
    const stranger = await signUpOwner(context.app);
    const elsewhere = await upload(context.app, stranger, { activityId: note.body.id }, { name: "scan.png", contentType: "image/png", content: pngBytes });
    expect(elsewhere.status).toBe(404);
  });

  it("answers 400 without a file, and to two files", async () => {
    expect((await upload(context.app, owner, { contactId: contact.id }, [])).status).toBe(400);
    const file = { name: "a.txt", contentType: "text/plain", content: "a" };
    const two = await upload(context.app, owner, { contactId: contact.id }, [file, file]);
    expect([400, 413]).toContain(two.status);
    expect(two.headers["content-type"]).toContain("application/problem+json");
  });

  it("answers 415 to a JSON body and 400 to a list without exactly one target", async () => {
    expect((await owner.request("POST", "/api/v1/attachments", { contactId: contact.id })).status).toBe(415);
    const list = await owner.request("GET", "/api/v1/attachments");
    expect(list.status).toBe(400);
    expect(list.body.errors[0].path).toBe("querystring.contactId");
  });

  it("answers 404 for another workspace's records and files", async () => {
    const created = await upload(context.app, owner, { contactId: contact.id }, { name: "private.txt", contentType: "text/plain", content: "secret" });
    const stranger = await signUpOwner(context.app);
    expect((await stranger.request("GET", `/api/v1/attachments?contactId=${contact.id}`)).status).toBe(404);
    expect((await download(stranger, created.body.id)).status).toBe(404);
    expect((await stranger.request("DELETE", `/api/v1/attachments/${created.body.id}`)).status).toBe(404);
    const planted = await upload(context.app, stranger, { contactId: contact.id }, { name: "x.txt", contentType: "text/plain", content: "x" });
    expect(planted.status).toBe(404);
    expect(storedFiles(stranger.workspaceId)).toHaveLength(0);
    expect((await download(owner, created.body.id)).status).toBe(200);
  });

  it("lets read-only members download but not upload or delete; members delete only their own uploads", async () => {
    const readOnly = await addMember(context.app, owner, "read_only");
    const member = await addMember(context.app, owner, "member");
    const created = await upload(context.app, owner, { contactId: contact.id }, { name: "shared.txt", contentType: "text/plain", content: "hello" });
    expect((await download(readOnly, created.body.id)).status).toBe(200);
    expect((await upload(context.app, readOnly, { contactId: contact.id }, { name: "r.txt", contentType: "text/plain", content: "r" })).status).toBe(403);
    expect((await readOnly.request("DELETE", `/api/v1/attachments/${created.body.id}`)).status).toBe(403);
    expect((await member.request("DELETE", `/api/v1/attachments/${created.body.id}`)).status).toBe(403);

    const own = await upload(context.app, member, { contactId: contact.id }, { name: "mine.txt", contentType: "text/plain", content: "mine" });
    expect((await member.request("DELETE", `/api/v1/attachments/${own.body.id}`)).status).toBe(204);
    expect((await owner.request("DELETE", `/api/v1/attachments/${created.body.id}`)).status).toBe(204);
    expect(fs.existsSync(storedFile(owner.workspaceId, created.body.id))).toBe(false);
    expect((await download(owner, created.body.id)).status).toBe(404);
    const history = await owner.request("GET", `/api/v1/audit?entityType=attachment&entityId=${created.body.id}`);
    expect(history.body.data.map((entry: { action: string }) => entry.action)).toEqual(["hard_delete", "create"]);
  });
});
