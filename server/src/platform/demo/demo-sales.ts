import type { Faker } from "@faker-js/faker";
import { CreateDealInput, CreateInvoiceInput, CreatePipelineInput, CreateProductInput, CreateQuoteInput, CreateTargetInput, RecordPaymentInput, UpdateDealInput } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { createDealsService, createInvoicesService, createPipelinesService, createProductsService, createQuotesService, createSalesSettingsService, createTargetsService } from "../../sales/index.js";
import type { Caller } from "../auth/caller.js";
import { createMailer } from "../mail/index.js";

const catalogue = [
  { sku: "PIL-CRM-SEAT", name: "Pillar seat (annual)", price: 36_000, taxRate: 19 },
  { sku: "PIL-ONBOARD", name: "Onboarding workshop", price: 250_000, taxRate: 19 },
  { sku: "PIL-SUPPORT", name: "Priority support (annual)", price: 480_000, taxRate: 19 },
  { sku: "PIL-MIGRATE", name: "Data migration", price: 120_000, taxRate: 19 },
  { sku: "PIL-TRAINING", name: "Team training day", price: 90_000, taxRate: 7 },
];
const dealWords = ["Rollout", "Expansion", "Renewal", "Pilot", "Upgrade", "Migration", "Onboarding"];
const lostReasons = ["Price", "Chose a competitor", "No budget this year", "Went silent"];

/**
 * The demo workspace's sales side, through the same services the API uses (so history, step tasks,
 * numbering and totals are what a real team would see): a pipeline with steps, 240 deals across
 * its stages, a product catalogue, quotes accepted into orders and invoiced and paid, targets.
 */
export async function seedDemoSales(faker: Faker, db: Database, owner: Caller, team: { memberIds: string[]; companyIds: string[]; contactIds: string[] }, sizes = { deals: 240, paperTrails: 25 }) {
  const mailer = createMailer({ url: undefined, from: "demo@pillar.test" });
  const deals = createDealsService({ db });
  const quotes = createQuotesService({ db, mailer });
  const invoices = createInvoicesService({ db, mailer });
  const products = createProductsService({ db });

  await createSalesSettingsService({ db }).update(owner, { defaultCurrency: "USD", exchangeRates: [{ currency: "EUR", rate: "1.08" }, { currency: "GBP", rate: "1.27" }] });
  const pipeline = await createPipelinesService({ db }).create(
    owner,
    CreatePipelineInput.parse({
      name: "New business",
      isDefault: true,
      stages: [
        { name: "Discovery", probability: 10, kind: "open", steps: [{ title: "Qualify budget and timeline", dueInDays: 3, isRequired: false }] },
        { name: "Demo", probability: 30, kind: "open", steps: [{ title: "Run the product demo", dueInDays: 7, isRequired: true }] },
        { name: "Proposal", probability: 60, kind: "open", steps: [{ title: "Send the quote", dueInDays: 5, isRequired: false }] },
        { name: "Negotiation", probability: 80, kind: "open", steps: [] },
        { name: "Won", probability: 100, kind: "won", steps: [] },
        { name: "Lost", probability: 0, kind: "lost", steps: [] },
      ],
    }),
  );
  const stageIds = pipeline.stages.map((stage) => stage.id);
  const [won, lost] = [pipeline.stages.find((stage) => stage.kind === "won")!, pipeline.stages.find((stage) => stage.kind === "lost")!];

  const productIds: string[] = [];
  for (const item of catalogue) {
    const created = await products.create(owner, CreateProductInput.parse({ sku: item.sku, name: item.name, taxRate: item.taxRate, prices: [{ currency: "USD", unitPrice: item.price }, { currency: "EUR", unitPrice: Math.round(item.price * 0.93) }] }));
    productIds.push(created.id);
  }

  const wonDeals: { id: string; currency: string }[] = [];
  for (let index = 0; index < sizes.deals; index++) {
    const companyId = faker.helpers.arrayElement(team.companyIds);
    const currency = faker.helpers.weightedArrayElement([{ value: "USD", weight: 7 }, { value: "EUR", weight: 2 }, { value: "GBP", weight: 1 }]);
    const deal = await deals.create(
      owner,
      CreateDealInput.parse({
        name: `${faker.company.buzzNoun().replace(/^\w/, (letter) => letter.toUpperCase())} ${faker.helpers.arrayElement(dealWords)}`,
        amount: faker.number.int({ min: 20, max: 900 }) * 10_000,
        currency,
        pipelineId: pipeline.id,
        closeDate: faker.date.between({ from: "2026-08-01", to: "2027-03-31" }).toISOString().slice(0, 10),
        ownerId: faker.helpers.arrayElement(team.memberIds),
        companyId,
        contactIds: faker.helpers.arrayElements(team.contactIds, { min: 1, max: 2 }),
        forecastCategory: faker.helpers.arrayElement(["pipeline", "pipeline", "best_case", "commit"]),
        source: faker.helpers.arrayElement(["website", "referral", "event", "partner"]),
      }),
    );
    // Where the deal ends up: most stay open along the pipeline, a fifth are won, some lost.
    const target = faker.helpers.weightedArrayElement([
      { value: stageIds[0]!, weight: 5 },
      { value: stageIds[1]!, weight: 4 },
      { value: stageIds[2]!, weight: 3 },
      { value: stageIds[3]!, weight: 2 },
      { value: won.id, weight: 3 },
      { value: lost.id, weight: 2 },
    ]);
    if (target === stageIds[0]) continue;
    // Discovery's step is optional, so a deal moves straight on; in Demo a required step holds it.
    await deals.update(owner, deal.id, UpdateDealInput.parse({ stageId: target, lostReason: target === lost.id ? faker.helpers.arrayElement(lostReasons) : undefined }));
    if (target === won.id) wonDeals.push({ id: deal.id, currency });
  }

  // The won deals' paper trail: a quote of two lines, accepted into an order, invoiced, mostly paid.
  for (const deal of wonDeals.slice(0, sizes.paperTrails)) {
    const quote = await quotes.create(
      owner,
      CreateQuoteInput.parse({
        dealId: deal.id,
        currency: deal.currency,
        lines: [
          { productId: productIds[0], quantity: faker.number.int({ min: 5, max: 80 }), unitPrice: 36_000, discountPercent: faker.helpers.arrayElement([0, 5, 10]), taxRate: 19 },
          { productId: productIds[1], quantity: 1, unitPrice: 250_000, discountPercent: 0, taxRate: 19 },
        ],
      }),
    );
    const { orderId } = await quotes.accept(owner, quote.id);
    const invoice = await invoices.createFromOrder(owner, orderId, CreateInvoiceInput.parse({}));
    if (faker.datatype.boolean({ probability: 0.7 })) {
      await invoices.recordPayment(owner, invoice.id, RecordPaymentInput.parse({ amount: invoice.amountDue, paidAt: new Date().toISOString() }));
    }
  }

  const targets = createTargetsService({ db });
  for (const ownerId of team.memberIds) {
    await targets.create(owner, CreateTargetInput.parse({ ownerId, period: "2026-Q4", metric: "revenue_won", amount: 150_000_00 }));
  }
}
