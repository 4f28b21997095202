import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { countRows, databaseFingerprint } from "../../../../test/db.js";
import { addMember, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();

async function defaultPipeline(actor: Actor): Promise<string> {
  return (await actor.request("GET", "/api/v1/pipelines")).body.data[0].id;
}

describe("converting a lead", () => {
  it("makes the contact an opportunity and opens a deal with it at a company made from companyName", async () => {
    const owner = await signUpOwner(context.app);
    const pipelineId = await defaultPipeline(owner);
    const lead = await createContact(owner, { firstName: "Grace", source: "webinar" });
    const converted = await owner.request("POST", `/api/v1/contacts/${lead.id}/convert`, { dealName: "Grace – pilot", pipelineId, amount: 1_200_000, currency: "EUR", companyName: "Hopper Labs" });
    expect(converted.status).toBe(201);
    const { contact, deal } = converted.body;
    expect(contact).toMatchObject({ id: lead.id, lifecycleStage: "opportunity", leadStatus: "qualified", company: { name: "Hopper Labs" } });
    expect(deal).toMatchObject({ name: "Grace – pilot", pipelineId, amount: 1_200_000, currency: "EUR", ownerId: owner.userId, contactIds: [lead.id], company: { id: contact.companyId, name: "Hopper Labs" }, source: "webinar" });
    expect(deal.stage.kind).toBe("open");
    const fetched = await owner.request("GET", `/api/v1/deals/${deal.id}`);
    expect(fetched.body.contactIds).toEqual([lead.id]);
    const history = await owner.request("GET", `/api/v1/audit?entityType=contact&entityId=${lead.id}`);
    expect(history.body.data[0].changes).toMatchObject({ lifecycleStage: { before: "lead", after: "opportunity" }, leadStatus: { before: "new", after: "qualified" } });
  });

  it("links the contact's own company, or the one given", async () => {
    const owner = await signUpOwner(context.app);
    const pipelineId = await defaultPipeline(owner);
    const own = await createCompany(owner);
    const other = await createCompany(owner);
    const employed = await createContact(owner, { companyId: own.id });
    const first = await owner.request("POST", `/api/v1/contacts/${employed.id}/convert`, { dealName: "Renewal", pipelineId, amount: 0, currency: "USD" });
    expect(first.body.deal.companyId).toBe(own.id);
    const freelancer = await createContact(owner);
    const second = await owner.request("POST", `/api/v1/contacts/${freelancer.id}/convert`, { dealName: "Project", pipelineId, amount: 500, currency: "USD", companyId: other.id });
    expect(second.body.deal.companyId).toBe(other.id);
    expect(second.body.contact.companyId).toBe(other.id);
  });

  it("writes nothing when the pipeline or company is wrong, or the input is bad", async () => {
    const owner = await signUpOwner(context.app);
    const lead = await createContact(owner);
    const stranger = await signUpOwner(context.app);
    const foreignPipeline = await defaultPipeline(stranger);
    await defaultPipeline(owner);
    const before = await databaseFingerprint(context.database);
    for (const [body, path] of [
      [{ dealName: "X", pipelineId: foreignPipeline, amount: 100, currency: "USD", companyName: "Would be created" }, "body.pipelineId"],
      [{ dealName: "X", pipelineId: "00000000-0000-4000-8000-000000000000", amount: 100, currency: "USD" }, "body.pipelineId"],
      [{ dealName: "X", pipelineId: foreignPipeline, amount: 100, currency: "USD", companyId: "00000000-0000-4000-8000-000000000000" }, "body.companyId"],
      [{ dealName: "X", pipelineId: foreignPipeline, amount: 1.5, currency: "USD" }, "body.amount"],
      [{ dealName: "", pipelineId: foreignPipeline, amount: 1, currency: "usd" }, "body.dealName"],
    ] as const) {
      const response = await owner.request("POST", `/api/v1/contacts/${lead.id}/convert`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors[0].path).toBe(path);
    }
    expect(await databaseFingerprint(context.database)).toEqual(before);
    expect(await countRows(context.database, "companies", sql`name = 'Would be created'`)).toBe(0);
  });

  it("answers 404 for another workspace's contact and 403 for a member converting someone else's lead", async () => {
    const owner = await signUpOwner(context.app);
    const pipelineId = await defaultPipeline(owner);
    const member = await addMember(context.app, owner, "member");
    const reader = await addMember(context.app, owner, "read_only");
    const lead = await createContact(owner);
    const body = { dealName: "Deal", pipelineId, amount: 100, currency: "USD" };
    expect((await member.request("POST", `/api/v1/contacts/${lead.id}/convert`, body)).status).toBe(403);
    expect((await reader.request("POST", `/api/v1/contacts/${lead.id}/convert`, body)).status).toBe(403);
    const stranger = await signUpOwner(context.app);
    expect((await stranger.request("POST", `/api/v1/contacts/${lead.id}/convert`, { ...body, pipelineId: await defaultPipeline(stranger) })).status).toBe(404);
    const mine = await createContact(member);
    const converted = await member.request("POST", `/api/v1/contacts/${mine.id}/convert`, body);
    expect(converted.status).toBe(201);
    expect(converted.body.deal.ownerId).toBe(member.userId);
  });
});
