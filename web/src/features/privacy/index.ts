/** Consent and privacy in the web app: consent on the contact page, data export and erasure, field permissions in settings. */
export { ConsentBadge, ConsentPanel } from "./consent.panel";
export { ContactPrivacyActions } from "./privacy.actions";
export { FieldPermissionsTab } from "./field-permissions.tab";
