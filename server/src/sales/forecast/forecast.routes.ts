import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { Forecast, ForecastQuery, SalesDashboard, SalesDashboardQuery } from "../../../../contracts/index.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import type { SalesDashboardService } from "./dashboard.service.js";
import type { ForecastService } from "./forecast.service.js";

export const forecastRoutes: FastifyPluginAsyncZod<{ forecast: ForecastService; dashboard: SalesDashboardService }> = async (app, { forecast, dashboard }) => {
  app.get("/forecast", { config: { permission: "records:read" }, schema: { tags: ["forecast"], querystring: ForecastQuery, response: { 200: Forecast } } }, (request) =>
    forecast.forecast(callerOf(request), request.query),
  );

  app.get("/sales/dashboard", { config: { permission: "records:read" }, schema: { tags: ["forecast"], querystring: SalesDashboardQuery, response: { 200: SalesDashboard } } }, (request) =>
    dashboard.dashboard(callerOf(request), request.query),
  );
};
