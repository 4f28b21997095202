/**
 * The shared customer database: contacts, companies, and search across them. Every other pillar
 * (sales, service, marketing, analytics) reads and links customers through this module.
 */
export { contactsRoutes } from "./contacts/contacts.routes.js";
export { createContactsService, type ContactsService } from "./contacts/contacts.service.js";
export { companiesRoutes } from "./companies/companies.routes.js";
export { createCompaniesService, type CompaniesService } from "./companies/companies.service.js";
export { searchRoutes } from "./search/search.routes.js";
export { createFieldPermissionsService, createPrivacyService, privacyRoutes, registerFieldPermissionFilter, type ContactDataSource } from "./privacy/index.js";
export { attachmentsDataSource, attachmentsRoutes, createAttachmentsService, createLocalDiskStorage } from "./attachments/index.js";
export { createCustomFieldsService, customFieldsRoutes, type CustomFieldsService } from "./custom-fields/index.js";
export { createExportService, exportRoutes } from "./export/index.js";
export { createDuplicatesService, createMergesService, duplicatesRoutes } from "./duplicates/index.js";
export {
  activitiesDataSource,
  activitiesRoutes,
  activityLookup,
  createActivitiesService,
  createTimelineService,
  registerReminderWorker,
  type ActivitiesService,
} from "./activities/index.js";
export { batchRoutes, createBatchService, type BatchService } from "./batch/index.js";
export { createImportsService, importsRoutes, registerImportWorker, type ImportsService } from "./imports/index.js";
