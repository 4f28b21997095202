import { z } from "zod";

export const Id = z.uuid({ message: "must be a UUID" });

export const Role = z.enum(["owner", "admin", "manager", "member", "read_only"]);
export type Role = z.infer<typeof Role>;

/** Higher number = more power; used to stop a caller granting more than they hold. */
export const roleRank: Record<Role, number> = {
  read_only: 0,
  member: 1,
  manager: 2,
  admin: 3,
  owner: 4,
};

export const Timestamp = z.string().meta({ format: "date-time" });

/** RFC 9457 problem details, with a field-level list for validation failures. */
export const Problem = z
  .object({
    type: z.string(),
    status: z.number().int(),
    title: z.string(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    ids: z.array(z.string()).optional(),
  })
  .meta({ id: "Problem" });
export type Problem = z.infer<typeof Problem>;

export const FilterOperator = z.enum(["eq", "ne", "lt", "lte", "gt", "gte", "in", "contains", "isEmpty"]);
export type FilterOperator = z.infer<typeof FilterOperator>;

/** `filter[field][op]=value`, parsed into `{ field: { op: value } }` by the server's query parser. */
export const Filters = z.record(z.string(), z.record(z.string(), z.string()));
export type Filters = z.infer<typeof Filters>;

export const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
  sort: z.string().max(200).optional(),
  q: z.string().trim().max(200).optional(),
  filter: Filters.optional(),
  trash: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true")
    .meta({ description: "true lists soft-deleted records (the trash) instead of live ones" }),
});
export type ListQuery = z.input<typeof ListQuery>;

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

export const IdParams = z.strictObject({ id: Id });

export const Address = z.strictObject({
  street: z.string().trim().max(300).optional(),
  city: z.string().trim().max(120).optional(),
  region: z.string().trim().max(120).optional(),
  postalCode: z.string().trim().max(30).optional(),
  country: z.string().trim().max(120).optional(),
});
export type Address = z.infer<typeof Address>;

/** A record's id in another system (ERP, shop); unique per workspace, the key of batch upserts and imports. */
export const ExternalId = z.string().trim().min(1, "is required").max(200);

export const Tags = z.array(z.string().trim().min(1).max(60)).max(50);

export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD");

export const Money = z.strictObject({
  amount: z.number().int("must be an integer in minor units (cents)").min(0).max(Number.MAX_SAFE_INTEGER),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

export const UserSummary = z.object({ id: Id, name: z.string(), email: z.string() });
export type UserSummary = z.infer<typeof UserSummary>;
