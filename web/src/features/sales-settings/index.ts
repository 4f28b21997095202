/** The workspace's sales currency, exchange rates and stale-deal threshold (Settings → Sales). */
export { SalesSettingsTab } from "./sales-settings.tab";
export { useSalesSettings } from "./api/sales-settings.queries";
