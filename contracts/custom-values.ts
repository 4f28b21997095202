import { z } from "zod";
import { Id, Money } from "./common.js";
import type { CustomFieldType, SelectOption } from "./custom-fields.js";
import { toE164 } from "./phone.js";

/** What validation needs to know of a custom field; the API's CustomField satisfies it. */
export interface CustomFieldRule {
  key: string;
  label?: string;
  type: CustomFieldType;
  required: boolean;
  default?: unknown;
  options: SelectOption[];
  archived: boolean;
}

const optionList = (options: SelectOption[]) => options.map((option) => option.value).join(", ");

/** One value of a field, strictly typed: the string "12" is not a number. */
export function customValueSchema(field: Pick<CustomFieldRule, "type" | "options" | "required">): z.ZodType {
  const values = new Set(field.options.map((option) => option.value));
  const text = (max: number) => (field.required ? z.string({ error: "must be text" }).trim().min(1, "is required").max(max) : z.string({ error: "must be text" }).trim().max(max));
  switch (field.type) {
    case "text":
      return text(1000);
    case "long_text":
      return text(20_000);
    case "number":
      return z.number({ error: "must be a number" });
    case "money":
      return Money;
    case "date":
      return z.iso.date({ error: "must be a date as YYYY-MM-DD" });
    case "boolean":
      return z.boolean({ error: "must be true or false" });
    case "single_select":
      return z.string({ error: "must be one of the field's option values" }).refine((value) => values.has(value), `must be one of ${optionList(field.options)}`);
    case "multi_select":
      return z
        .array(z.string().refine((value) => values.has(value), `must be one of ${optionList(field.options)}`), { error: "must be a list of option values" })
        .max(200)
        .refine((list) => new Set(list).size === list.length, "contains the same value twice")
        .refine((list) => !field.required || list.length > 0, "is required");
    case "url":
      return z.string({ error: "must be a URL" }).trim().max(2000).pipe(z.url({ protocol: /^https?$/, error: "must be an http or https URL" }));
    case "email":
      return z.string({ error: "must be an e-mail address" }).trim().toLowerCase().pipe(z.email({ error: "must be a valid e-mail address" }));
    case "phone":
      return z
        .string({ error: "must be a phone number" })
        .trim()
        .max(40)
        .transform((value, context) => {
          const normalised = toE164(value);
          if (normalised) return normalised;
          context.addIssue({ code: "custom", message: "must be a valid phone number with its country code, e.g. +44 20 7946 0958" });
          return z.NEVER;
        });
    case "member":
      return Id;
  }
}

const archivedValue = z.unknown().superRefine((value, context) => {
  if (value !== undefined) context.addIssue({ code: "custom", message: "is archived and cannot be changed" });
});

/**
 * The schema of `custom` for one workspace's fields of one object. On create a required field
 * must be given (or have a default) and defaults fill absent keys; on update only the given
 * keys change and a required field cannot be cleared. null clears a value. Unknown keys and
 * archived fields are refused. Used by the server's services and by the web forms.
 */
export function customValuesSchema(definitions: CustomFieldRule[], { isCreate }: { isCreate: boolean }) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of definitions) {
    if (field.archived) {
      shape[field.key] = archivedValue.optional();
      continue;
    }
    const value = customValueSchema(field);
    const hasDefault = field.default !== undefined && field.default !== null;
    if (field.required) shape[field.key] = isCreate && hasDefault ? value.default(field.default) : isCreate ? value : value.optional();
    else shape[field.key] = isCreate && hasDefault ? value.nullable().default(field.default) : value.nullable().optional();
  }
  return z.strictObject(shape, { error: (issue) => (issue.code === "unrecognized_keys" ? "is not a known custom field" : undefined) });
}

/** Field-level errors for `custom`, one per key, e.g. `{path: "body.custom.score", message: "must be a number"}`. */
export function customValueErrors(error: z.ZodError, prefix: string): { path: string; message: string }[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") return issue.keys.map((key) => ({ path: `${prefix}.${key}`, message: "is not a known custom field" }));
    const key = issue.path[0];
    const message = issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
    return [{ path: key === undefined ? prefix : `${prefix}.${String(key)}`, message }];
  });
}
