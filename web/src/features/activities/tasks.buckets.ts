import type { Activity } from "@contracts";

export type Bucket = "overdue" | "today" | "upcoming" | "noDueDate";

/** Which "My tasks" group an open task falls in, by the reader's own calendar day. */
export function bucketOf(task: Pick<Activity, "dueAt">, now: Date): Bucket {
  if (!task.dueAt) return "noDueDate";
  const due = new Date(task.dueAt);
  const startOfTomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  if (due < now) return "overdue";
  return due < startOfTomorrow ? "today" : "upcoming";
}
