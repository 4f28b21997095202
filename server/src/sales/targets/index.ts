/** Sales targets of members and teams, their attainment against a linear pace, and the plan alerts. */
export { elapsedFraction, parsePeriod, type Period } from "./periods.js";
export { planAlertsJob, registerPlanAlertWorker, runPlanAlerts } from "./plan-alerts.js";
export { targetsRoutes } from "./targets.routes.js";
export { createTargetsService, type TargetsService } from "./targets.service.js";
