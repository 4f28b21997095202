import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { Actor } from "./app.js";

const unique = () => Math.random().toString(36).slice(2, 10);

/** A deal through the deals API (the workspace's default pipeline and first stage). */
export async function createDeal(actor: Actor, overrides: Record<string, unknown> = {}) {
  const response = await actor.request("POST", "/api/v1/deals", { name: `Deal ${unique()}`, currency: "EUR", amount: 0, ...overrides });
  if (response.status !== 201) throw new Error(`deal failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function createProduct(actor: Actor, overrides: Record<string, unknown> = {}) {
  const response = await actor.request("POST", "/api/v1/products", { sku: `SKU-${unique()}`, name: "Widget", taxRate: 19, prices: [{ currency: "EUR", unitPrice: 1999 }], ...overrides });
  if (response.status !== 201) throw new Error(`product failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function createQuote(actor: Actor, dealId: string, overrides: Record<string, unknown> = {}) {
  const response = await actor.request("POST", "/api/v1/quotes", { dealId, currency: "EUR", lines: [{ description: "Consulting day", quantity: 2, unitPrice: 80_000, taxRate: 19 }], ...overrides });
  if (response.status !== 201) throw new Error(`quote failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Accepts a new quote and returns its order. */
export async function createOrder(actor: Actor, dealId: string, overrides: Record<string, unknown> = {}) {
  const quote = await createQuote(actor, dealId, overrides);
  const accepted = await actor.request("POST", `/api/v1/quotes/${quote.id}/accept`);
  if (accepted.status !== 201) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
  return (await actor.request("GET", `/api/v1/orders/${accepted.body.orderId}`)).body;
}

/** A local SMTP server (plain, with login) that keeps every message it receives, parsed. */
export async function startMailbox() {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
    onData: (stream, _session, callback) => {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://clerk:secret@127.0.0.1:${port}`, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
