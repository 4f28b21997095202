/**
 * The sales pillar: leads and their assignment, pipelines with their sales process (stages and
 * step templates), deals and their stage history, products and price books, quotes, orders,
 * invoices and payments, targets with plan alerts, and the forecast.
 */
export { convertToWorkspaceCurrency, createSalesSettingsService, loadSalesSettings, salesSettingsRoutes, type LoadedSalesSettings } from "./settings/index.js";
