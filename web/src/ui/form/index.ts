export { useSchemaForm } from "./use-schema-form";
export type { SchemaForm, SchemaFormOptions } from "./use-schema-form";
