import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { SalesSettings, UpdateSalesSettingsInput } from "../../../../contracts/index.js";
import { callerOf } from "../../platform/http/fastify-types.js";
import type { SalesSettingsService } from "./sales-settings.service.js";

export const salesSettingsRoutes: FastifyPluginAsyncZod<{ settings: SalesSettingsService }> = async (app, { settings }) => {
  const tags = ["sales settings"];

  app.get("/sales/settings", { config: { permission: "records:read" }, schema: { tags, response: { 200: SalesSettings } } }, (request) => settings.get(callerOf(request)));

  app.put("/sales/settings", { config: { permission: "sales:configure" }, schema: { tags, body: UpdateSalesSettingsInput, response: { 200: SalesSettings } } }, (request) =>
    settings.update(callerOf(request), request.body),
  );
};
