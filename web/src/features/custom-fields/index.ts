/** Custom fields in the web app: the settings tab, the inputs records' forms render, and their query hooks. */
export { CustomFieldsTab } from "./custom-fields.tab";
export { useAllCustomFields, useCustomFields } from "./api/custom-fields.queries";
export { CustomValueInputs } from "./custom-value.inputs";
export { CustomValuesList, formatCustomValue } from "./custom-values.list";
export { useCustomValuesForm } from "./use-custom-values-form";
export { useCustomListFields } from "./custom-fields.columns";
