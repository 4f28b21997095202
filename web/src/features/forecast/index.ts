/** The forecast with the sales dashboard, and sales targets; loaded on demand (the chart library is large). */
export { ForecastPage } from "./forecast.page";
export { TargetsPage } from "./targets.page";
