import { CreateApiKeyInput, Role, roleRank } from "@contracts";
import { Button, Code, Group, Select, Stack, Table, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../i18n";
import { ConfirmButton, EmptyState, notifyProblem, ProblemAlert, SecretReveal, useSchemaForm } from "../../ui";
import { useMe } from "../auth";
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from "./api/access.queries";

export function ApiKeysTab() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const apiKeys = useApiKeys(true);
  const createApiKey = useCreateApiKey();
  const revokeApiKey = useRevokeApiKey();
  const [token, setToken] = useState<string | null>(null);
  const form = useSchemaForm({ initialValues: { name: "", role: "read_only" }, schema: CreateApiKeyInput, toInput: (values) => values });
  const myRank = me ? roleRank[me.role] : 0;
  const roleOptions = Role.options.filter((role) => roleRank[role] <= myRank).map((role) => ({ value: role, label: t(`roles.${role}`) }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    createApiKey.mutate(input, {
      onSuccess: (created) => {
        setToken(created.token);
        form.setValues({ name: "", role: input.role });
      },
      onError: form.handleSubmitError,
    });
  }

  const list = apiKeys.data?.data ?? [];
  return (
    <Stack>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" wrap="wrap">
          <TextInput label={t("settings.apiKeys.keyName")} {...form.getInputProps("name")} w={{ base: "100%", xs: 240 }} />
          <Select label={t("settings.apiKeys.role")} data={roleOptions} value={form.values.role} onChange={(role) => form.setField("role", role ?? "read_only")} error={form.errors.role} allowDeselect={false} w={160} />
          <Button type="submit" mt={25} loading={createApiKey.isPending}>{t("settings.apiKeys.create")}</Button>
        </Group>
      </form>
      {token ? <SecretReveal title={t("settings.apiKeys.tokenOnce")} value={token} onClose={() => setToken(null)} /> : null}
      {apiKeys.isError ? (
        <ProblemAlert error={apiKeys.error} onRetry={() => void apiKeys.refetch()} />
      ) : !apiKeys.isLoading && list.length === 0 ? (
        <EmptyState title={t("settings.apiKeys.empty")} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("settings.apiKeys.keyName")}</Table.Th>
                <Table.Th>{t("settings.apiKeys.prefix")}</Table.Th>
                <Table.Th>{t("settings.apiKeys.role")}</Table.Th>
                <Table.Th>{t("settings.apiKeys.lastUsed")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((apiKey) => (
                <Table.Tr key={apiKey.id}>
                  <Table.Td>{apiKey.name}</Table.Td>
                  <Table.Td><Code>{apiKey.prefix}…</Code></Table.Td>
                  <Table.Td>{t(`roles.${apiKey.role}`)}</Table.Td>
                  <Table.Td>{apiKey.lastUsedAt ? formatDateTime(apiKey.lastUsedAt) : t("settings.apiKeys.never")} <br /><small>{t("settings.apiKeys.createdOn", { date: formatDate(apiKey.createdAt) })}</small></Table.Td>
                  <Table.Td>
                    <ConfirmButton
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      label={t("settings.revoke")}
                      title={t("settings.apiKeys.revokeTitle")}
                      message={t("settings.apiKeys.revokeMessage", { name: apiKey.name })}
                      confirmLabel={t("settings.revoke")}
                      onConfirm={() => revokeApiKey.mutateAsync(apiKey.id).catch((error: unknown) => notifyProblem(error))}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
