/**
 * Custom fields: the definitions admins add to contacts and companies (and later objects), the
 * typed values records carry in their `custom` jsonb column, and the list fields that let
 * `filter[custom.key]` and `sort=custom.key` work like built-in ones.
 */
export { customFieldsRoutes } from "./custom-fields.routes.js";
export { createCustomFieldsService, type CustomFieldsService } from "./custom-fields.service.js";
export { customValuesForCreate, customValuesForUpdate, loadCustomFieldRules } from "./custom-values.js";
export { customListFields, customSortValues } from "./custom-list-fields.js";
