import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from "react-router";
import { LanguageSwitch } from "../i18n";
import { UserMenu, useLogout, useMe } from "../features/auth";
import { NotificationsBell } from "../features/notifications";
import { SearchButton, SearchSpotlight } from "../features/search";

const links = [
  { to: "/contacts", key: "nav.contacts" },
  { to: "/leads", key: "leads.nav" },
  { to: "/companies", key: "nav.companies" },
  { to: "/deals", key: "deals.nav" },
  { to: "/products", key: "commerce.nav" },
  { to: "/forecast", key: "forecast.nav" },
  { to: "/targets", key: "targets.nav" },
  { to: "/tasks", key: "tasks.title" },
  { to: "/duplicates", key: "duplicates.nav" },
  { to: "/imports", key: "imports.nav" },
  { to: "/trash", key: "nav.trash" },
  { to: "/settings", key: "nav.settings" },
];

/** The signed-in shell: header (search, language, user menu) and the navigation bar. */
export function AppLayout() {
  const { t } = useTranslation();
  const [isNavOpen, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const logout = useLogout();

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !isNavOpen } }} padding={{ base: "sm", sm: "md" }}>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={isNavOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.toggle")} />
            <Text fw={700} c="blue.7" size="lg">Pillar</Text>
            <Text size="sm" c="dimmed" visibleFrom="md" truncate maw={200}>{me?.workspace.name}</Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <SearchButton />
            <NotificationsBell />
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t("nav.main")}>
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {links.map((link) => (
              <NavLink key={link.to} component={RouterNavLink} to={link.to} label={t(link.key)} active={location.pathname.startsWith(link.to)} onClick={close} />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Button variant="subtle" color="gray" fullWidth justify="flex-start" onClick={() => logout.mutate(undefined, { onSettled: () => navigate("/login", { replace: true }) })}>
            {t("auth.logOut")}
          </Button>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      <SearchSpotlight />
    </AppShell>
  );
}
