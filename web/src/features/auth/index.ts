/** Sign-up, log-in, invitations, the signed-in user and what they may do. */
export { useLogout, useMe, useSetupStatus, meQueryKey } from "./api/auth.queries";
export { useCan, useCanEditRecord } from "./use-can";
export { AuthGuard } from "./auth.guard";
export { LoginPage } from "./login.page";
export { SignupPage } from "./signup.page";
export { AcceptInvitationPage } from "./accept-invitation.page";
export { UserMenu } from "./user.menu";
