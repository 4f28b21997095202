import { z } from "zod";
import { Id, Role, Timestamp } from "./common.js";

export const Member = z
  .object({
    userId: Id,
    name: z.string(),
    email: z.string(),
    role: Role,
    teamId: Id.nullable(),
    joinedAt: Timestamp,
  })
  .meta({ id: "Member" });
export type Member = z.infer<typeof Member>;

export const UpdateMemberInput = z
  .strictObject({ role: Role.optional(), teamId: Id.nullable().optional() })
  .meta({ id: "UpdateMemberInput" });
export type UpdateMemberInput = z.input<typeof UpdateMemberInput>;

export const MemberParams = z.strictObject({ userId: Id });

export const Team = z.object({ id: Id, name: z.string(), memberCount: z.number().int(), createdAt: Timestamp }).meta({ id: "Team" });
export type Team = z.infer<typeof Team>;
export const CreateTeamInput = z.strictObject({ name: z.string().trim().min(1, "is required").max(120) }).meta({ id: "CreateTeamInput" });
export type CreateTeamInput = z.input<typeof CreateTeamInput>;

export const CreateInvitationInput = z
  .strictObject({
    email: z.string().trim().toLowerCase().pipe(z.email({ message: "must be a valid e-mail address" })),
    role: Role.exclude(["owner"]),
  })
  .meta({ id: "CreateInvitationInput" });
export type CreateInvitationInput = z.input<typeof CreateInvitationInput>;

export const Invitation = z
  .object({ id: Id, email: z.string(), role: Role, expiresAt: Timestamp, acceptedAt: Timestamp.nullable(), createdAt: Timestamp })
  .meta({ id: "Invitation" });
export type Invitation = z.infer<typeof Invitation>;
export const CreatedInvitation = Invitation.extend({ token: z.string() }).meta({ id: "CreatedInvitation" });

export const CreateApiKeyInput = z
  .strictObject({ name: z.string().trim().min(1, "is required").max(120), role: Role })
  .meta({ id: "CreateApiKeyInput" });
export type CreateApiKeyInput = z.input<typeof CreateApiKeyInput>;

export const ApiKey = z
  .object({ id: Id, name: z.string(), role: Role, prefix: z.string(), createdAt: Timestamp, lastUsedAt: Timestamp.nullable(), createdBy: Id.nullable() })
  .meta({ id: "ApiKey" });
export type ApiKey = z.infer<typeof ApiKey>;
export const CreatedApiKey = ApiKey.extend({ token: z.string() }).meta({ id: "CreatedApiKey" });

export const AuditEntry = z
  .object({
    id: Id,
    entityType: z.string(),
    entityId: Id,
    action: z.enum(["create", "update", "delete", "restore", "hard_delete", "export", "erase"]),
    actor: z.object({ userId: Id.nullable(), apiKeyId: Id.nullable(), name: z.string().nullable() }),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
    createdAt: Timestamp,
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const SavedViewConfig = z.strictObject({
  columns: z.array(z.string().max(60)).max(60),
  sort: z.string().max(200).optional(),
  filter: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  q: z.string().max(200).optional(),
});
export const SavedViewObject = z.enum(["contacts", "companies", "deals"]);
export const CreateSavedViewInput = z
  .strictObject({ object: SavedViewObject, name: z.string().trim().min(1, "is required").max(120), isShared: z.boolean().default(false), config: SavedViewConfig })
  .meta({ id: "CreateSavedViewInput" });
export type CreateSavedViewInput = z.input<typeof CreateSavedViewInput>;
export const UpdateSavedViewInput = z
  .strictObject({ name: z.string().trim().min(1).max(120).optional(), isShared: z.boolean().optional(), config: SavedViewConfig.optional() })
  .meta({ id: "UpdateSavedViewInput" });
export type UpdateSavedViewInput = z.input<typeof UpdateSavedViewInput>;
export const SavedView = z
  .object({ id: Id, object: SavedViewObject, name: z.string(), isShared: z.boolean(), ownerId: Id, config: SavedViewConfig, createdAt: Timestamp, updatedAt: Timestamp })
  .meta({ id: "SavedView" });
export type SavedView = z.infer<typeof SavedView>;

export const SearchResult = z
  .object({
    contacts: z.array(z.object({ id: Id, name: z.string(), email: z.string().nullable(), companyName: z.string().nullable() })),
    companies: z.array(z.object({ id: Id, name: z.string(), domain: z.string().nullable() })),
  })
  .meta({ id: "SearchResult" });
export type SearchResult = z.infer<typeof SearchResult>;
export const SearchQuery = z.strictObject({ q: z.string().trim().min(1, "is required").max(200), limit: z.coerce.number().int().min(1).max(50).default(8) });
