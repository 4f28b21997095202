import { Avatar, Menu, Text, UnstyledButton } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { notifyProblem } from "../../ui";
import { useLogout, useMe, useSwitchWorkspace } from "./api/auth.queries";

/** Header menu: who is signed in, the workspace switcher (when there are several) and log out. */
export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const logout = useLogout();
  const switchWorkspace = useSwitchWorkspace();
  if (!me) return null;
  const initials = me.user.name.split(/\s+/).map((part) => part[0]).join("").slice(0, 2).toUpperCase();

  return (
    <Menu position="bottom-end" withinPortal width={240}>
      <Menu.Target>
        <UnstyledButton aria-label={t("nav.userMenu")} data-testid="user-menu">
          <Avatar color="blue" radius="xl" size="sm">{initials}</Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">{me.user.name}</Text>
          <Text size="xs">{me.user.email}</Text>
          <Text size="xs">{me.workspace.name} · {t(`roles.${me.role}`)}</Text>
        </Menu.Label>
        {me.workspaces.length > 1 ? (
          <>
            <Menu.Divider />
            <Menu.Label>{t("nav.switchWorkspace")}</Menu.Label>
            {me.workspaces.map((workspace) => (
              <Menu.Item
                key={workspace.id}
                disabled={workspace.id === me.workspace.id}
                onClick={() => switchWorkspace.mutate(workspace.id, { onSuccess: () => navigate("/contacts"), onError: (error) => notifyProblem(error) })}
              >
                {workspace.name}
              </Menu.Item>
            ))}
          </>
        ) : null}
        <Menu.Divider />
        <Menu.Item color="red" onClick={() => logout.mutate(undefined, { onSettled: () => navigate("/login", { replace: true }) })}>
          {t("auth.logOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
