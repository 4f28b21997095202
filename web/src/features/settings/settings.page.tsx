import { Stack, Tabs, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { useCan } from "../auth";
import { CustomFieldsTab } from "../custom-fields";
import { FieldPermissionsTab } from "../privacy";
import { LeadRulesTab } from "../leads/assignment";
import { PipelinesTab } from "../pipelines";
import { SalesSettingsTab } from "../sales-settings";
import { ApiKeysTab } from "./api-keys.tab";
import { InvitationsTab } from "./invitations.tab";
import { MembersTab } from "./members.tab";
import { RolesTab } from "./roles.tab";
import { TeamsTab } from "./teams.tab";

/** Workspace settings; tabs a user may not manage are hidden. */
export function SettingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { tab } = useParams();
  const tabs = [
    { value: "members", label: t("settings.tabs.members"), isVisible: can("members:read"), panel: <MembersTab /> },
    { value: "invitations", label: t("settings.tabs.invitations"), isVisible: can("invitations:manage"), panel: <InvitationsTab /> },
    { value: "teams", label: t("settings.tabs.teams"), isVisible: can("members:read"), panel: <TeamsTab /> },
    { value: "api-keys", label: t("settings.tabs.apiKeys"), isVisible: can("api_keys:manage"), panel: <ApiKeysTab /> },
    { value: "custom-fields", label: t("customFields.tab"), isVisible: can("custom_fields:manage"), panel: <CustomFieldsTab /> },
    { value: "field-permissions", label: t("privacy.fieldPermissions.tab"), isVisible: can("field_permissions:manage"), panel: <FieldPermissionsTab /> },
    { value: "sales", label: t("salesSettings.tab"), isVisible: true, panel: <SalesSettingsTab /> },
    { value: "pipelines", label: t("pipelines.tab"), isVisible: can("sales:configure"), panel: <PipelinesTab /> },
    { value: "lead-assignment", label: t("leadRules.tab"), isVisible: can("sales:configure"), panel: <LeadRulesTab /> },
    { value: "roles", label: t("settings.tabs.roles"), isVisible: true, panel: <RolesTab /> },
  ].filter((entry) => entry.isVisible);
  const active = tabs.some((entry) => entry.value === tab) ? tab! : tabs[0].value;

  return (
    <Stack gap="sm">
      <Title order={2}>{t("settings.title")}</Title>
      <Tabs value={active} onChange={(value) => value && navigate(`/settings/${value}`)} keepMounted={false}>
        <Tabs.List style={{ flexWrap: "wrap" }}>
          {tabs.map((entry) => (
            <Tabs.Tab key={entry.value} value={entry.value}>{entry.label}</Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((entry) => (
          <Tabs.Panel key={entry.value} value={entry.value} pt="md">
            {entry.panel}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
