/** Every table, for drizzle-kit and the typed client. Each domain owns its own schema file. */
export * from "../platform/auth/auth.schema.js";
export * from "../platform/workspaces/workspaces.schema.js";
export * from "../platform/api-keys/api-keys.schema.js";
export * from "../platform/audit/audit.schema.js";
export * from "../platform/views/saved-views.schema.js";
export * from "../customers/companies/companies.schema.js";
export * from "../customers/contacts/contacts.schema.js";
export * from "../customers/privacy/privacy.schema.js";
export * from "../customers/attachments/attachments.schema.js";
export * from "../customers/custom-fields/custom-fields.schema.js";
export * from "../platform/notifications/notifications.schema.js";
export * from "../customers/activities/activities.schema.js";
export * from "../customers/imports/imports.schema.js";
export * from "../customers/duplicates/merges.schema.js";
