import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { Role } from "./common.js";
import { permissions, rolePermissions } from "./permissions.js";

describe("docs/permissions.md", () => {
  it("matches the permission matrix in code, row by row", () => {
    const rows = fs
      .readFileSync("docs/permissions.md", "utf8")
      .split("\n")
      .filter((line) => /^\| [a-z_]+:?[a-z_]* \|/.test(line) && !line.startsWith("| permission"));
    const documented = Object.fromEntries(
      rows.map((line) => {
        const cells = line.split("|").map((cell) => cell.trim());
        return [cells[1], Role.options.map((_, index) => cells[index + 2] === "✓")];
      }),
    );
    expect(Object.keys(documented).sort()).toEqual([...permissions].sort());
    for (const permission of permissions) {
      expect(documented[permission], permission).toEqual(Role.options.map((role) => rolePermissions[role].includes(permission)));
    }
  });
});
