import { describe, expect, it } from "vitest";
import { bucketOf } from "./tasks.buckets";

describe("My tasks groups", () => {
  const now = new Date(2026, 4, 12, 10, 0);
  const at = (day: number, hour: number) => ({ dueAt: new Date(2026, 4, day, hour, 0).toISOString() });

  it("puts past due times under overdue, the rest of today under today, later under upcoming", () => {
    expect(bucketOf(at(11, 18), now)).toBe("overdue");
    expect(bucketOf(at(12, 9), now)).toBe("overdue");
    expect(bucketOf(at(12, 23), now)).toBe("today");
    expect(bucketOf(at(13, 0), now)).toBe("upcoming");
    expect(bucketOf({ dueAt: null }, now)).toBe("noDueDate");
  });
});
