import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { eventually } from "../../../../test/eventually.js";
import { signUpOwner } from "../../../../test/factories.js";
import { createDeal, createOrder, createQuote, startMailbox } from "../../../../test/sales-documents.js";

const env: Record<string, string> = { SMTP_FROM: "Sales <sales@pillar.test>" };
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
// The mailbox starts first, so the app's config sees its URL.
beforeAll(async () => {
  mailbox = await startMailbox();
  env.SMTP_URL = mailbox.url;
});
afterAll(() => mailbox?.close());
const context = useTestApp(env);
let owner: Actor;

beforeAll(async () => {
  owner = await signUpOwner(context.app);
});

describe("sending documents by e-mail", () => {
  it("delivers the quote's PDF by SMTP and marks the quote sent", async () => {
    const deal = await createDeal(owner, { currency: "JPY" });
    const quote = await createQuote(owner, deal.id, { currency: "JPY", lines: [{ description: "Widget", quantity: 3, unitPrice: 1500, taxRate: 10 }] });
    const response = await owner.request("POST", `/api/v1/quotes/${quote.id}/send`, { to: "buyer@example.com" });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: "sent", sentTo: "buyer@example.com" });
    const mail = await eventually(async () => mailbox.messages.find((message) => message.subject === `Quote Q-${quote.number}`));
    expect(mail.from?.text).toContain("sales@pillar.test");
    expect(JSON.stringify(mail.to)).toContain("buyer@example.com");
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ contentType: "application/pdf", filename: `quote-${quote.number}-v1.pdf` });
    expect(mail.attachments[0].content.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("e-mails an invoice when sent with an address", async () => {
    const deal = await createDeal(owner);
    const order = await createOrder(owner, deal.id);
    const invoice = (await owner.request("POST", `/api/v1/orders/${order.id}/invoices`, {})).body;
    const sent = await owner.request("POST", `/api/v1/invoices/${invoice.id}/send`, { to: "ap@example.com" });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe("sent");
    const mail = await eventually(async () => mailbox.messages.find((message) => message.subject === `Invoice INV-${invoice.number}`));
    expect(mail.attachments[0].filename).toBe(`invoice-${invoice.number}.pdf`);
  });
});
