/**
 * Batch writes of contacts and companies (`POST /contacts/batch`, `/companies/batch`): create,
 * update or upsert up to 1,000 records all or nothing, for integrations and the import.
 */
export { batchRoutes } from "./batch.routes.js";
export { createBatchService, type BatchService } from "./batch.service.js";
export { contactsByEmail } from "./batch.contacts.js";
