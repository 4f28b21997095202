export { FilterBar } from "./filter-bar.component";
export type { FilterBarProps } from "./filter-bar.component";
export type { FilterFieldOption } from "./add-filter.popover";
