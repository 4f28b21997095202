import type { Role } from "./common.js";

/**
 * The permission matrix. Every API route declares one of these; docs/permissions.md is the
 * written form. "records:write" lets a member edit only records they own (or that have no
 * owner); "records:write_any" edits anyone's.
 */
export const permissions = [
  "records:read",
  "records:create",
  "records:write",
  "records:write_any",
  "records:delete",
  "records:hard_delete",
  "audit:read",
  "views:manage",
  "members:read",
  "members:manage",
  "teams:manage",
  "invitations:manage",
  "api_keys:manage",
  "custom_fields:manage",
  "privacy:export",
  "privacy:erase",
  "field_permissions:manage",
  "sales:configure",
  "deals:override_stage",
  "targets:manage",
  "session",
] as const;
export type Permission = (typeof permissions)[number];

const readOnly: Permission[] = ["records:read", "audit:read", "members:read", "views:manage", "session"];
const member: Permission[] = [...readOnly, "records:create", "records:write", "records:delete"];
const manager: Permission[] = [...member, "records:write_any", "teams:manage", "deals:override_stage", "targets:manage"];
const admin: Permission[] = [...manager, "records:hard_delete", "members:manage", "invitations:manage", "api_keys:manage", "custom_fields:manage", "privacy:export", "privacy:erase", "field_permissions:manage", "sales:configure"];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  owner: admin,
  admin,
  manager,
  member,
  read_only: readOnly,
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
