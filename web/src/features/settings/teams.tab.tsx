import { CreateTeamInput } from "@contracts";
import { Button, Group, Stack, Table, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../i18n";
import { EmptyState, notifySuccess, ProblemAlert, useSchemaForm } from "../../ui";
import { useCan } from "../auth";
import { useCreateTeam, useTeams } from "./api/members.queries";

export function TeamsTab() {
  const { t } = useTranslation();
  const can = useCan();
  const teams = useTeams();
  const createTeam = useCreateTeam();
  const form = useSchemaForm({ initialValues: { name: "" }, schema: CreateTeamInput, toInput: (values) => values });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    createTeam.mutate(input, {
      onSuccess: () => {
        notifySuccess(t("settings.teams.created"));
        form.setValues({ name: "" });
      },
      onError: form.handleSubmitError,
    });
  }

  const list = teams.data?.data ?? [];
  return (
    <Stack>
      {can("teams:manage") ? (
        <form onSubmit={submit} noValidate>
          <Group align="flex-end">
            <TextInput label={t("settings.teams.teamName")} {...form.getInputProps("name")} />
            <Button type="submit" loading={createTeam.isPending}>{t("settings.teams.create")}</Button>
          </Group>
        </form>
      ) : null}
      {teams.isError ? (
        <ProblemAlert error={teams.error} onRetry={() => void teams.refetch()} />
      ) : !teams.isLoading && list.length === 0 ? (
        <EmptyState title={t("settings.teams.empty")} />
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("settings.teams.teamName")}</Table.Th>
              <Table.Th>{t("settings.teams.members")}</Table.Th>
              <Table.Th>{t("settings.teams.createdAt")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((team) => (
              <Table.Tr key={team.id}>
                <Table.Td>{team.name}</Table.Td>
                <Table.Td>{team.memberCount}</Table.Td>
                <Table.Td>{formatDate(team.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
