/** Saved views (columns, filters, sort, search) and the list page every record list uses. */
export { RecordListPage } from "./record-list.page";
export type { ListColumn, RecordListPageProps } from "./record-list.page";
export { withFilter } from "./use-list-state";
export type { ViewConfig } from "./use-list-state";
export { useSavedViews } from "./api/views.queries";
