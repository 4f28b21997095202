import { hideableFields, type FieldPermissionObject, type Role } from "@contracts";
import { Checkbox, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ProblemAlert, notifyProblem } from "../../ui";
import { useFieldPermissions, useSetFieldPermission } from "./api/privacy.queries";

const hideableRoles: Exclude<Role, "owner">[] = ["admin", "manager", "member", "read_only"];
const objects: FieldPermissionObject[] = ["contacts", "companies"];
/** The record pages' own labels for these fields. */
const labelKey: Record<string, string> = { address: "address.title" };

/** Settings → Field permissions: which roles may not read each sensitive field. */
export function FieldPermissionsTab() {
  const { t } = useTranslation();
  const permissions = useFieldPermissions();
  const setPermission = useSetFieldPermission();
  if (permissions.error) return <ProblemAlert error={permissions.error} onRetry={() => void permissions.refetch()} />;

  const hiddenFrom = (object: FieldPermissionObject, field: string) =>
    (permissions.data?.data.find((entry) => entry.object === object && entry.field === field)?.hiddenFromRoles ?? []) as Exclude<Role, "owner">[];

  function toggle(object: FieldPermissionObject, field: string, role: Exclude<Role, "owner">, isHidden: boolean) {
    const current = hiddenFrom(object, field);
    const hiddenFromRoles = isHidden ? [...current, role] : current.filter((entry) => entry !== role);
    setPermission.mutate({ object, field, hiddenFromRoles }, { onError: (error) => notifyProblem(error) });
  }

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">{t("privacy.fieldPermissions.help")}</Text>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("privacy.fieldPermissions.field")}</Table.Th>
            {hideableRoles.map((role) => <Table.Th key={role}>{t("privacy.fieldPermissions.hiddenFrom", { role: t(`roles.${role}`) })}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {objects.flatMap((object) =>
            hideableFields[object].map((field) => (
              <Table.Tr key={`${object}.${field}`}>
                <Table.Td>{t(`${object}.title`)} · {t(labelKey[field] ?? `${object}.fields.${field}`)}</Table.Td>
                {hideableRoles.map((role) => (
                  <Table.Td key={role}>
                    <Checkbox
                      aria-label={`${field} ${role}`}
                      checked={hiddenFrom(object, field).includes(role)}
                      disabled={permissions.isLoading || setPermission.isPending}
                      onChange={(event) => toggle(object, field, role, event.currentTarget.checked)}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
