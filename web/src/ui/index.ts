/** Shared components; nothing here imports from features. */
export * from "./data-grid";
export * from "./filter-bar";
export * from "./column-chooser";
export * from "./empty-state";
export * from "./problem";
export * from "./form";
export * from "./secret";
export { ConfirmButton } from "./confirm.button";
export { FieldList } from "./field-list";
export { notifyUndoable } from "./undo.notify";
export { RecordLayout } from "./record.layout";
export type { RecordLayoutProps } from "./record.layout";
