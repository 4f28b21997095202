import { customValueErrors, customValuesSchema, type CustomFieldObject } from "@contracts";
import { useState } from "react";
import { problemFieldErrors } from "../../ui";
import { useCustomFields } from "./api/custom-fields.queries";
import { CustomValueInputs } from "./custom-value.inputs";

type Values = Record<string, unknown>;

/**
 * Custom values beside a record's form: the same schema the server checks
 * (customValuesSchema), errors keyed `custom.<key>` like the API's, defaults shown on create.
 * On edit only the active fields' values are sent; archived ones stay as stored.
 */
export function useCustomValuesForm(object: CustomFieldObject, options: { isCreate: boolean; stored?: Values }) {
  const { fields } = useCustomFields(object, { includeArchived: true });
  const [changes, setChanges] = useState<Values>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const active = fields.filter((field) => !field.archived);
  const base: Values = Object.fromEntries(
    active.flatMap((field) => {
      const value = options.isCreate ? field.default : options.stored?.[field.key];
      return value === undefined || value === null ? [] : [[field.key, value]];
    }),
  );
  const values = { ...base, ...changes };

  /** The `custom` to send, or null after showing each problem beside its input. */
  function validate(): Values | null {
    const result = customValuesSchema(fields, { isCreate: options.isCreate }).safeParse(values);
    if (result.success) {
      setErrors({});
      return values;
    }
    setErrors(Object.fromEntries(customValueErrors(result.error, "custom").map((entry) => [entry.path, entry.message])));
    return null;
  }

  function handleSubmitError(error: unknown) {
    setErrors(Object.fromEntries(Object.entries(problemFieldErrors(error)).filter(([path]) => path.startsWith("custom."))));
  }

  const inputs = <CustomValueInputs object={object} values={values} errors={errors} onChange={(next) => setChanges({ ...changes, ...next })} />;
  return { values, validate, handleSubmitError, reset: () => setChanges({}), inputs };
}
