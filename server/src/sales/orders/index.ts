/** Orders: from accepted quotes or an ERP, with what of each line is invoiced; a customer's purchase history. */
export { ordersRoutes, DocumentListQuery } from "./orders.routes.js";
export { createOrderFromQuote, createOrdersService, refreshOrderStatus, toOrderSummary, type OrdersService } from "./orders.service.js";
export { addInvoicedQuantity, findOrder, findOrderByQuote, findOrderLines } from "./orders.repository.js";
