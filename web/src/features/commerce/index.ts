/** Commerce: the product catalogue, a deal's quotes (editor with live totals, PDF, e-mail, accept), orders, invoices and payments, purchase history. */
export { DealQuotesPanel } from "./deal-quotes.panel";
export { InvoicePage } from "./invoice.page";
export { OrderPage } from "./order.page";
export { ProductsPage } from "./products.page";
export { PurchaseHistory } from "./purchases.panel";
export { SalesDocumentEntry } from "./timeline.document-entry";
