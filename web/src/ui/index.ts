/** Shared components; nothing here imports from features. */
export * from "./data-grid";
export * from "./filter-bar";
export * from "./column-chooser";
export * from "./empty-state";
export * from "./problem";
export * from "./form";
export * from "./secret";
export { ConfirmButton } from "./confirm.button";
