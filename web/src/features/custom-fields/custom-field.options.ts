import type { SelectOption } from "@contracts";

/** A stable option value from its label ("Gold tier" → "gold_tier"); the label stays editable. */
export function optionValueFor(label: string): string {
  const slug = label.trim().toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 100);
  return slug || label.trim().slice(0, 100);
}

/** Options from labels typed in the form; labels already present keep their stored values. */
export function optionsFromLabels(labels: string[], existing: SelectOption[]): SelectOption[] {
  return labels.map((label) => existing.find((option) => option.label === label) ?? { value: optionValueFor(label), label: label.trim() });
}
