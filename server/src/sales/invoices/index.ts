/** Invoices and payments: from orders (whole or part) or an ERP; sending, voiding, the overdue job. */
export { invoicesRoutes } from "./invoices.routes.js";
export { createInvoicesService, type InvoicesService } from "./invoices.service.js";
export { markOverdueInvoices, overdueInvoicesJob, registerOverdueInvoicesWorker } from "./invoices.overdue.js";
