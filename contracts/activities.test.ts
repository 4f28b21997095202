import { describe, expect, it } from "vitest";
import { activityIssues, CreateActivityInput, mentionedUserIds, mentionMarkup } from "./activities.js";

describe("activity rules by type", () => {
  it("requires a body for a note and a subject for everything else", () => {
    expect(activityIssues("note", { subject: "x" })).toEqual([{ path: "body", message: "is required for a note" }]);
    expect(activityIssues("call", { body: "x" })).toEqual([{ path: "subject", message: "is required for a call" }]);
    expect(activityIssues("task", { subject: "Do it" })).toEqual([]);
  });

  it("names fields that belong to another type, judging only what changed", () => {
    expect(activityIssues("call", { subject: "x", dueAt: "2026-01-01T00:00:00Z", location: "Here" }).map((issue) => issue.path)).toEqual(["dueAt", "location"]);
    expect(activityIssues("call", { subject: "x", dueAt: null, attendeeIds: [] })).toEqual([]);
    expect(activityIssues("call", { subject: "x", outcome: "busy" }, { outcome: "busy" })).toEqual([]);
  });

  it("keeps a meeting's end after its start", () => {
    expect(activityIssues("meeting", { subject: "x", occurredAt: "2026-01-01T10:00:00Z", endAt: "2026-01-01T09:59:00Z" })[0].path).toBe("endAt");
  });

  it("parses the create body with the same rules", () => {
    const result = CreateActivityInput.safeParse({ type: "visit", subject: "x", dueAt: "2026-01-01T00:00:00Z" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["dueAt"]);
  });
});

describe("mentions", () => {
  const ada = "0190b0a0-0000-7000-8000-000000000001";
  const bob = "0190b0a0-0000-7000-8000-000000000002";

  it("round-trip through Markdown, once per person", () => {
    const body = `Hi ${mentionMarkup("Ada [L]", ada)} and ${mentionMarkup("Bob", bob)}, ${mentionMarkup("Ada", ada)} again`;
    expect(body).toContain(`[@Ada L](mention:${ada})`);
    expect(mentionedUserIds(body)).toEqual([ada, bob]);
    expect(mentionedUserIds("an @Ada without a link, [@x](https://example.com)")).toEqual([]);
    expect(mentionedUserIds(null)).toEqual([]);
  });
});
