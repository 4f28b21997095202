import { z } from "zod";
import { Id, Role } from "./common.js";

const Email = z.string().trim().toLowerCase().pipe(z.email({ message: "must be a valid e-mail address" }));
const Password = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(200, "must be at most 200 characters");
const PersonName = z.string().trim().min(1, "is required").max(200);

export const SignupInput = z
  .strictObject({ email: Email, password: Password, name: PersonName, workspaceName: z.string().trim().min(1, "is required").max(200) })
  .meta({ id: "SignupInput" });
export type SignupInput = z.input<typeof SignupInput>;

export const LoginInput = z.strictObject({ email: Email, password: z.string().min(1, "is required").max(200) }).meta({ id: "LoginInput" });
export type LoginInput = z.input<typeof LoginInput>;

export const AcceptInvitationInput = z
  .strictObject({ token: z.string().min(10).max(200), name: PersonName, password: Password })
  .meta({ id: "AcceptInvitationInput" });
export type AcceptInvitationInput = z.input<typeof AcceptInvitationInput>;

export const SwitchWorkspaceInput = z.strictObject({ workspaceId: Id });

export const Workspace = z.object({ id: Id, name: z.string() });
export type Workspace = z.infer<typeof Workspace>;

export const Me = z
  .object({
    user: z.object({ id: Id, name: z.string(), email: z.string() }),
    workspace: Workspace,
    role: Role,
    permissions: z.array(z.string()),
    workspaces: z.array(Workspace.extend({ role: Role })),
    via: z.enum(["session", "api_key"]),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof Me>;

export const AuthResult = z
  .object({ user: z.object({ id: Id, name: z.string(), email: z.string() }), workspace: Workspace, role: Role })
  .meta({ id: "AuthResult" });
export type AuthResult = z.infer<typeof AuthResult>;

export const SetupStatus = z.object({ hasWorkspace: z.boolean(), isSignupOpen: z.boolean() }).meta({ id: "SetupStatus" });
export type SetupStatus = z.infer<typeof SetupStatus>;
