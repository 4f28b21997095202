export { ColumnChooser } from "./column-chooser.component";
export type { ColumnOption } from "./column-chooser.component";
