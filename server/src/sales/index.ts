/**
 * The sales pillar: leads and their assignment, pipelines with their sales process (stages and
 * step templates), deals and their stage history, products and price books, quotes, orders,
 * invoices and payments, targets with plan alerts, and the forecast.
 */
export { convertToWorkspaceCurrency, createSalesSettingsService, loadSalesSettings, salesSettingsRoutes, type LoadedSalesSettings } from "./settings/index.js";
export { createPipelinesService, ensureDefaultPipeline, pipelinesRoutes, type PipelinesService } from "./pipelines/index.js";
export { createBoardService, createDealsService, dealsRoutes, openDeal, type BoardService, type DealsService } from "./deals/index.js";
export { createLeadConversionService, createLeadRulesService, leadAssignment, leadsRoutes } from "./leads/index.js";
export { createTargetsService, registerPlanAlertWorker, targetsRoutes } from "./targets/index.js";
export { createForecastService, createSalesDashboardService, forecastRoutes } from "./forecast/index.js";
export { createProductsService, productsRoutes } from "./products/index.js";
export { createQuotesService, quotesRoutes } from "./quotes/index.js";
export { createOrdersService, ordersRoutes } from "./orders/index.js";
export { createInvoicesService, invoicesRoutes, registerOverdueInvoicesWorker } from "./invoices/index.js";
