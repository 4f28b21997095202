import type { ActivityType, TimelineKind } from "@contracts";

/** One colour per kind, so a timeline reads at a glance. */
export const kindColors: Record<TimelineKind, string> = {
  note: "yellow",
  call: "green",
  email: "blue",
  meeting: "violet",
  task: "orange",
  visit: "teal",
  change: "gray",
  lifecycle_stage: "pink",
  stage_change: "cyan",
  order: "indigo",
  invoice: "lime",
};

export const activityTypes: ActivityType[] = ["note", "call", "email", "meeting", "task", "visit"];

/** `<input type="datetime-local">` speaks local time without a zone; the API speaks ISO 8601 instants. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
