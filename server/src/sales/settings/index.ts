/** The workspace's sales currency, the exchange rates an admin sets, and alert thresholds. */
export { convertToWorkspaceCurrency, type CurrencyRates } from "./currency-conversion.js";
export { salesSettingsRoutes } from "./sales-settings.routes.js";
export { createSalesSettingsService, loadSalesSettings, type LoadedSalesSettings, type SalesSettingsService } from "./sales-settings.service.js";
