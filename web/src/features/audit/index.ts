/** The audit trail of a record, shown as its History tab. */
export { AuditHistory } from "./audit.history";
