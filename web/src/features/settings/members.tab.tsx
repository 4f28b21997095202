import { Role, roleRank, type Member } from "@contracts";
import { Select, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../i18n";
import { EmptyState, notifyProblem, notifySuccess, ProblemAlert } from "../../ui";
import { useCan, useMe } from "../auth";
import { useMembers, useTeams, useUpdateMember } from "./api/members.queries";

export function MembersTab() {
  const { t } = useTranslation();
  const can = useCan();
  const { data: me } = useMe();
  const members = useMembers();
  const teams = useTeams();
  const updateMember = useUpdateMember();
  const canManage = can("members:manage");
  const myRank = me ? roleRank[me.role] : 0;
  const roleOptions = Role.options.map((role) => ({ value: role, label: t(`roles.${role}`), disabled: roleRank[role] > myRank }));
  const teamOptions = (teams.data?.data ?? []).map((team) => ({ value: team.id, label: team.name }));

  function update(member: Member, input: { role?: Member["role"]; teamId?: string | null }) {
    updateMember.mutate({ userId: member.userId, input }, { onSuccess: () => notifySuccess(t("common.saved")), onError: (error) => notifyProblem(error) });
  }

  if (members.isError) return <ProblemAlert error={members.error} onRetry={() => void members.refetch()} />;
  const list = members.data?.data ?? [];
  if (!members.isLoading && list.length === 0) return <EmptyState title={t("settings.members.empty")} />;

  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing="xs" data-testid="members-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("settings.members.name")}</Table.Th>
            <Table.Th>{t("settings.members.role")}</Table.Th>
            <Table.Th>{t("settings.members.team")}</Table.Th>
            <Table.Th>{t("settings.members.joined")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((member) => {
            const isSelf = member.userId === me?.user.id;
            const isEditable = canManage && !isSelf && roleRank[member.role] <= myRank;
            return (
              <Table.Tr key={member.userId}>
                <Table.Td>
                  <Text size="sm" fw={500}>{member.name}</Text>
                  <Text size="xs" c="dimmed">{member.email}</Text>
                </Table.Td>
                <Table.Td>
                  {isEditable ? (
                    <Select aria-label={t("settings.members.roleFor", { name: member.name })} data={roleOptions} value={member.role} onChange={(role) => role && update(member, { role: role as Member["role"] })} allowDeselect={false} w={150} />
                  ) : (
                    t(`roles.${member.role}`)
                  )}
                </Table.Td>
                <Table.Td>
                  {canManage ? (
                    <Select aria-label={t("settings.members.teamFor", { name: member.name })} data={teamOptions} value={member.teamId} onChange={(teamId) => update(member, { teamId })} clearable placeholder={t("settings.members.noTeam")} w={170} />
                  ) : (
                    teamOptions.find((team) => team.value === member.teamId)?.label ?? "—"
                  )}
                </Table.Td>
                <Table.Td>{formatDate(member.joinedAt)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
