import { z } from "zod";
import { Id, Timestamp } from "./common.js";

/** Objects that carry custom fields; a later object (deals, …) adds its name here and a `custom` column. */
export const CustomFieldObject = z.enum(["contact", "company", "deal"]);
export type CustomFieldObject = z.infer<typeof CustomFieldObject>;

export const CustomFieldType = z.enum([
  "text",
  "long_text",
  "number",
  "money",
  "date",
  "boolean",
  "single_select",
  "multi_select",
  "url",
  "email",
  "phone",
  "member",
]);
export type CustomFieldType = z.infer<typeof CustomFieldType>;

/** Immutable once created: it names the value in `custom: {key: value}` and in `filter[custom.key]`. */
export const CustomFieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "must start with a-z and use only a-z, 0-9 and _ (at most 40 characters)");

export const SelectOption = z.strictObject({
  value: z.string().trim().min(1, "is required").max(100),
  label: z.string().trim().min(1, "is required").max(200),
});
export type SelectOption = z.infer<typeof SelectOption>;

const SelectOptions = z
  .array(SelectOption)
  .max(200)
  .refine((options) => new Set(options.map((option) => option.value)).size === options.length, "contains the same value twice");

export const isSelectType = (type: CustomFieldType) => type === "single_select" || type === "multi_select";

const editableFields = {
  label: z.string().trim().min(1, "is required").max(200),
  required: z.boolean().optional(),
  /** Checked against the field's type by the server, like a value. */
  default: z.unknown().optional(),
  options: SelectOptions.optional(),
  helpText: z.string().trim().max(500).nullable().optional(),
};

export const CreateCustomFieldInput = z
  .strictObject({ object: CustomFieldObject, key: CustomFieldKey, type: CustomFieldType, ...editableFields })
  .superRefine((input, context) => {
    if (isSelectType(input.type) && !input.options?.length) context.addIssue({ code: "custom", path: ["options"], message: "a select field needs at least one option" });
    if (!isSelectType(input.type) && input.options?.length) context.addIssue({ code: "custom", path: ["options"], message: "only select fields have options" });
  })
  .meta({ id: "CreateCustomFieldInput" });
export type CreateCustomFieldInput = z.input<typeof CreateCustomFieldInput>;

/** Key, type and object never change; `archived` hides the field from forms and writes but keeps its values. */
export const UpdateCustomFieldInput = z
  .strictObject({
    ...editableFields,
    label: editableFields.label.optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    archived: z.boolean().optional(),
  })
  .meta({ id: "UpdateCustomFieldInput" });
export type UpdateCustomFieldInput = z.input<typeof UpdateCustomFieldInput>;

export const CustomField = z
  .object({
    id: Id,
    object: CustomFieldObject,
    key: z.string(),
    label: z.string(),
    type: CustomFieldType,
    required: z.boolean(),
    default: z.unknown().nullable(),
    options: z.array(SelectOption),
    helpText: z.string().nullable(),
    position: z.number().int(),
    archived: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: "CustomField" });
export type CustomField = z.infer<typeof CustomField>;

export const CustomFieldList = z.object({ data: z.array(CustomField) }).meta({ id: "CustomFieldList" });
export type CustomFieldList = z.infer<typeof CustomFieldList>;

export const CustomFieldListQuery = z.strictObject({
  object: CustomFieldObject.optional(),
  archived: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true")
    .meta({ description: "true includes archived fields" }),
});

/**
 * The generic shape of custom values on a record. Each workspace defines its own keys and
 * types (GET /api/v1/custom-fields); the server checks values against those definitions and
 * answers 400 naming `body.custom.<key>` for an unknown key or a wrongly typed value.
 */
export const CustomValues = z
  .record(z.string(), z.unknown())
  .meta({
    id: "CustomValues",
    description:
      "Custom field values by key, typed by the workspace's definitions (GET /api/v1/custom-fields): text, long_text, url, email, phone, date (YYYY-MM-DD), single_select and member (user id) are strings; number is a number; money is {amount, currency}; boolean is a boolean; multi_select is an array of option values. null clears a value.",
  });
export type CustomValues = z.infer<typeof CustomValues>;
