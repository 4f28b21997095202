/** Workspace settings: members, teams, invitations, API keys and the role matrix. */
export { SettingsPage } from "./settings.page";
export { OwnerSelect } from "./owner.select";
export { useMembers, useTeams } from "./api/members.queries";
