/** CSV import of contacts and companies: upload, column mapping with preview, duplicates, live progress, rejected rows and undo. */
export { ImportsPage } from "./imports.page";
