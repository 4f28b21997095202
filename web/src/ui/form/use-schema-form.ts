import { useCallback, useState, type ChangeEvent } from "react";
import type { z } from "zod";
import { notifyProblem } from "../problem/problem.notify";
import { problemFieldErrors } from "../problem/problem.fields";

export interface SchemaFormOptions<Values, Schema extends z.ZodType> {
  initialValues: Values;
  /** The shared contract schema: the same one the server validates with. */
  schema: Schema;
  /** Turns the form's string values into the contract's input shape. */
  toInput: (values: Values) => unknown;
  /** Maps an issue path (`emails.0.address`) to the field that shows it (`email`). */
  fieldForPath?: (path: string) => string;
}

type FieldValue = string | number | boolean | null | string[];

function capitalise(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** The one form pattern: string state, validation with the contract via safeParse, server errors by path. */
export function useSchemaForm<Values extends Record<string, FieldValue>, Schema extends z.ZodType>(options: SchemaFormOptions<Values, Schema>) {
  const [values, setValues] = useState<Values>(options.initialValues);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fieldFor = options.fieldForPath ?? ((path: string) => path);

  const setField = useCallback(<K extends keyof Values>(name: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => {
      if (!(name in current)) return current;
      const next = { ...current };
      delete next[name as string];
      return next;
    });
  }, []);

  function getInputProps<K extends keyof Values & string>(name: K) {
    return {
      value: values[name] as never,
      error: errors[name],
      onChange: (input: ChangeEvent<HTMLInputElement | HTMLTextAreaElement> | Values[K]) => {
        const isEvent = typeof input === "object" && input !== null && "currentTarget" in (input as object);
        setField(name, (isEvent ? (input as ChangeEvent<HTMLInputElement>).currentTarget.value : input) as Values[K]);
      },
    };
  }

  function collect(entries: { path: string; message: string }[]): Record<string, string> {
    const collected: Record<string, string> = {};
    for (const entry of entries) {
      const field = fieldFor(entry.path);
      if (!(field in collected)) collected[field] = capitalise(entry.message);
    }
    return collected;
  }

  /** Returns the parsed input, or null after showing each problem beside its field. */
  function validate(): z.output<Schema> | null {
    const result = options.schema.safeParse(options.toInput(values));
    if (result.success) {
      setErrors({});
      return result.data;
    }
    setErrors(collect(result.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }))));
    return null;
  }

  /** Shows a failed submit: field errors inline, the problem's detail as a notification. */
  function handleSubmitError(error: unknown) {
    const byField = problemFieldErrors(error);
    setErrors(collect(Object.entries(byField).map(([path, message]) => ({ path, message }))));
    notifyProblem(error);
  }

  return { values, setValues, setField, errors, setErrors, getInputProps, validate, handleSubmitError };
}

/** The part of a form that field components need; independent of the schema. */
export type FormBinding<Values extends Record<string, FieldValue>> = Pick<
  ReturnType<typeof useSchemaForm<Values, z.ZodType>>,
  "values" | "errors" | "setField" | "getInputProps"
>;
