/** Deals: amounts, people and stages; stage moves with their history, step tasks and managers' overrides. */
export { createBoardService, type BoardService } from "./board.service.js";
export { dealsRoutes } from "./deals.routes.js";
export { createDealsService, openDeal, type DealsService } from "./deals.service.js";
