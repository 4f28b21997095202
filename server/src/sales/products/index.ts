/** The product catalogue: products, price books and their prices; fills quote and order lines from them. */
export { productsRoutes } from "./products.routes.js";
export { createProductsService, type ProductsService } from "./products.service.js";
export { priceLines } from "./products.lines.js";
