/**
 * Consent and privacy for customer data: the consent history of contacts' marketing e-mail
 * consent, data subject requests (export everything about a contact, erase it everywhere), and
 * field-level permissions that hide sensitive fields from roles. Modules holding contact data
 * join export and erase by implementing ContactDataSource.
 */
export { privacyRoutes } from "./privacy.routes.js";
export { createPrivacyService, type PrivacyService } from "./privacy.service.js";
export { createFieldPermissionsService, type FieldPermissionsService } from "./field-permissions.service.js";
export { registerFieldPermissionFilter } from "./field-permissions.hook.js";
export type { ContactDataSource, PersonalValues } from "./contact-data-source.js";
