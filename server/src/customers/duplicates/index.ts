/**
 * Duplicate customers: detection (same e-mail, phone, domain, similar name at the same company)
 * as a full scan and as warnings on create, merging records into a survivor with every link
 * moved, and undoing a merge from its before-state.
 */
export { duplicatesRoutes } from "./duplicates.routes.js";
export { createDuplicatesService, type DuplicatesService } from "./duplicates.service.js";
export { createMergesService, type MergesService } from "./merges.service.js";
export { duplicateWarnings } from "./duplicates.detection.js";
