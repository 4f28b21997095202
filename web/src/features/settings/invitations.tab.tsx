import { CreateInvitationInput, Role } from "@contracts";
import { Badge, Button, Group, Select, Stack, Table, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../i18n";
import { ConfirmButton, EmptyState, notifyProblem, ProblemAlert, SecretReveal, useSchemaForm } from "../../ui";
import { useCreateInvitation, useInvitations, useRevokeInvitation } from "./api/access.queries";

export function InvitationsTab() {
  const { t } = useTranslation();
  const invitations = useInvitations(true);
  const createInvitation = useCreateInvitation();
  const revokeInvitation = useRevokeInvitation();
  const [link, setLink] = useState<string | null>(null);
  const form = useSchemaForm({ initialValues: { email: "", role: "member" }, schema: CreateInvitationInput, toInput: (values) => values });
  const roleOptions = Role.options.filter((role) => role !== "owner").map((role) => ({ value: role, label: t(`roles.${role}`) }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    createInvitation.mutate(input, {
      onSuccess: (invitation) => {
        setLink(`${window.location.origin}/accept-invitation?token=${encodeURIComponent(invitation.token)}`);
        form.setValues({ email: "", role: input.role });
      },
      onError: form.handleSubmitError,
    });
  }

  const list = invitations.data?.data ?? [];
  return (
    <Stack>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" wrap="wrap">
          <TextInput label={t("settings.invitations.email")} type="email" {...form.getInputProps("email")} w={{ base: "100%", xs: 260 }} />
          <Select label={t("settings.invitations.role")} data={roleOptions} value={form.values.role} onChange={(role) => form.setField("role", role ?? "member")} error={form.errors.role} allowDeselect={false} w={160} />
          <Button type="submit" mt={25} loading={createInvitation.isPending}>{t("settings.invitations.create")}</Button>
        </Group>
      </form>
      {link ? <SecretReveal title={t("settings.invitations.linkOnce")} value={link} onClose={() => setLink(null)} /> : null}
      {invitations.isError ? (
        <ProblemAlert error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : !invitations.isLoading && list.length === 0 ? (
        <EmptyState title={t("settings.invitations.empty")} />
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("settings.invitations.email")}</Table.Th>
                <Table.Th>{t("settings.invitations.role")}</Table.Th>
                <Table.Th>{t("settings.invitations.status")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((invitation) => {
                const isExpired = !invitation.acceptedAt && new Date(invitation.expiresAt) < new Date();
                return (
                  <Table.Tr key={invitation.id}>
                    <Table.Td>{invitation.email}</Table.Td>
                    <Table.Td>{t(`roles.${invitation.role}`)}</Table.Td>
                    <Table.Td>
                      {invitation.acceptedAt ? (
                        <Badge color="green" variant="light">{t("settings.invitations.accepted")}</Badge>
                      ) : isExpired ? (
                        <Badge color="gray" variant="light">{t("settings.invitations.expired")}</Badge>
                      ) : (
                        <Badge variant="light">{t("settings.invitations.pendingUntil", { date: formatDate(invitation.expiresAt) })}</Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {invitation.acceptedAt ? null : (
                        <ConfirmButton
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          label={t("settings.revoke")}
                          title={t("settings.invitations.revokeTitle")}
                          message={t("settings.invitations.revokeMessage", { email: invitation.email })}
                          confirmLabel={t("settings.revoke")}
                          onConfirm={() => revokeInvitation.mutateAsync(invitation.id).catch((error: unknown) => notifyProblem(error))}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
