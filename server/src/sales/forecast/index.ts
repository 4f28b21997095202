/** The forecast per owner or team against targets, and the sales dashboard. */
export { createSalesDashboardService, type SalesDashboardService } from "./dashboard.service.js";
export { forecastRoutes } from "./forecast.routes.js";
export { createForecastService, type ForecastService } from "./forecast.service.js";
