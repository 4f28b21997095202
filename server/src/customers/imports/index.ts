/**
 * Imports of contacts and companies from CSV or XLSX files (and of contacts from vCard files, the
 * format told from the content): streamed upload, encoding and delimiter detection, column mapping
 * and preview, a resumable background job that commits in chunks, the rejected rows as CSV, and undo.
 */
export { importsRoutes } from "./imports.routes.js";
export { createImportsService, type ImportsService } from "./imports.service.js";
export { registerImportWorker, runImport, importJob, type ImportRunOptions } from "./imports.job.js";
