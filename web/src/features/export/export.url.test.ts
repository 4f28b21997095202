import { describe, expect, it } from "vitest";
import { exportUrl } from "./export.url";

describe("exportUrl", () => {
  it("carries the view's search, filters, sort and columns, and no paging", () => {
    const url = exportUrl("contacts", "csv", { columns: ["name", "email", "custom.region"], sort: "-updatedAt", q: "ada", filter: { tags: { in: "vip" } } });
    const params = new URL(url, "http://localhost").searchParams;
    expect(url.startsWith("/api/v1/contacts/export?")).toBe(true);
    expect(Object.fromEntries(params)).toEqual({ sort: "-updatedAt", q: "ada", "filter[tags][in]": "vip", format: "csv", columns: "firstName,lastName,email,custom.region" });
  });

  it("leaves columns out of a vCard", () => {
    expect(exportUrl("contacts", "vcf", { columns: ["name"], q: "", filter: {} })).toBe("/api/v1/contacts/export?format=vcf");
  });
});
