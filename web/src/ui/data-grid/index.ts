export { DataGrid } from "./data-grid.component";
export type { DataGridProps } from "./data-grid.component";
export type { GridColumn } from "./data-grid.types";
export { nextSort, primarySort } from "./data-grid.sort";
