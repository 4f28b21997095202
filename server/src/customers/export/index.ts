/**
 * Export of contact and company lists (CSV, XLSX, vCard for contacts): the list's own query,
 * paged through with its keyset cursor and streamed, without the fields the caller's role may not read.
 */
export { exportRoutes } from "./export.routes.js";
export { createExportService, type ExportService } from "./export.service.js";
