import { Role, permissions, rolePermissions } from "@contracts";
import { Code, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The permission matrix from the contracts: which role may do what. */
export function RolesTab() {
  const { t } = useTranslation();
  const shown = permissions.filter((permission) => permission !== "session");
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder withColumnBorders striped data-testid="roles-matrix">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("settings.roles.permission")}</Table.Th>
            {Role.options.map((role) => (
              <Table.Th key={role} ta="center">{t(`roles.${role}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((permission) => (
            <Table.Tr key={permission}>
              <Table.Td>
                <Text size="sm">{t(`permissions.${permission.replace(":", "_")}`)}</Text>
                <Code fz="xs">{permission}</Code>
              </Table.Td>
              {Role.options.map((role) => {
                const isGranted = rolePermissions[role].includes(permission);
                return (
                  <Table.Td key={role} ta="center" aria-label={isGranted ? t("settings.roles.granted") : t("settings.roles.notGranted")}>
                    {isGranted ? "✓" : "—"}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
