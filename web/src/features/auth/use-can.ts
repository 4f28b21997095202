import type { Permission } from "@contracts";
import { useMe } from "./api/auth.queries";

/** Whether the signed-in user holds a permission; false while `me` is loading. */
export function useCan(): (permission: Permission) => boolean {
  const { data: me } = useMe();
  return (permission) => Boolean(me?.permissions.includes(permission));
}

/** `records:write` covers own (or unowned) records; `records:write_any` covers all. */
export function useCanEditRecord(): (ownerId: string | null) => boolean {
  const { data: me } = useMe();
  return (ownerId) => {
    if (!me) return false;
    if (me.permissions.includes("records:write_any")) return true;
    return me.permissions.includes("records:write") && (ownerId === null || ownerId === me.user.id);
  };
}
