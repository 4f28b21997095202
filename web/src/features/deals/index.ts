/** Deals: the pipeline board, the deals list, a deal's page, and moving deals between stages. */
export { DealsBoardPage } from "./deals.board-page";
export { DealsListPage } from "./deals.list-page";
export { DealRecordPage } from "./deal.record-page";
export { useDealList, useRestoreDeal, usePurgeDeal } from "./api/deals.queries";
