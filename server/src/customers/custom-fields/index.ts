/**
 * Custom fields: the definitions admins add to contacts and companies (and later objects), the
 * typed values records carry in their `custom` jsonb column, and the list fields that let
 * `filter[custom.key]` and `sort=custom.key` work like built-in ones, index-backed per field for
 * the types that have a typed value function (docs/decisions/0004-custom-fields-in-jsonb.md).
 */
export { customFieldsRoutes } from "./custom-fields.routes.js";
export { createCustomFieldsService, type CustomFieldsService } from "./custom-fields.service.js";
export { registerFieldIndexWorker } from "./custom-field-indexes.job.js";
export { customValuesForCreate, customValuesForUpdate, loadCustomFieldRules } from "./custom-values.js";
export { customListFields, customSortValues } from "./custom-list-fields.js";
