/**
 * The shared customer database: contacts, companies, and search across them. Every other pillar
 * (sales, service, marketing, analytics) reads and links customers through this module.
 */
export { contactsRoutes } from "./contacts/contacts.routes.js";
export { isLeadStage, type LeadAssigner, type NewLead } from "./contacts/contacts.lead-assignment.js";
export { assertLiveCompany, changeContact, createNamedCompany, loadContactForChange } from "./shared/customer-records.js";
export { createContactsService, type ContactsService } from "./contacts/contacts.service.js";
export { companiesRoutes } from "./companies/companies.routes.js";
export { createCompaniesService, type CompaniesService } from "./companies/companies.service.js";
export { searchRoutes } from "./search/search.routes.js";
export { createFieldPermissionsService, createPrivacyService, privacyRoutes, registerFieldPermissionFilter, type ContactDataSource } from "./privacy/index.js";
export { attachmentsDataSource, attachmentsRoutes, createAttachmentsService, createLocalDiskStorage } from "./attachments/index.js";
export { createCustomFieldsService, customFieldsRoutes, registerFieldIndexWorker, type CustomFieldsService } from "./custom-fields/index.js";
export { createExportService, exportRoutes } from "./export/index.js";
export { createDuplicatesService, createMergesService, duplicatesRoutes } from "./duplicates/index.js";
export {
  activitiesDataSource,
  activitiesRoutes,
  activityLookup,
  createActivitiesService,
  createActivityIn,
  createTimelineService,
  registerReminderWorker,
  type ActivitiesService,
} from "./activities/index.js";
export { batchRoutes, createBatchService, type BatchService } from "./batch/index.js";
export { createImportsService, importsRoutes, registerImportWorker, type ImportsService } from "./imports/index.js";
export { createRecordTrash } from "./shared/record-trash.js";
export { assertCanAssignOwner, assertCanModify } from "./shared/records.policy.js";
export { customListFields, customSortValues, customValuesForCreate, customValuesForUpdate, loadCustomFieldRules } from "./custom-fields/index.js";
