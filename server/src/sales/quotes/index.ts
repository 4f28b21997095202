/** Quotes on deals: priced lines, revisions, PDF and e-mail, acceptance into an order. */
export { quotesRoutes } from "./quotes.routes.js";
export { createQuotesService, type QuotesService } from "./quotes.service.js";
