export { useSchemaForm } from "./use-schema-form";
export type { FormBinding, SchemaFormOptions } from "./use-schema-form";
