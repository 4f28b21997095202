import type { Contact, EmailConsent } from "@contracts";
import { Badge, Button, Checkbox, Group, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../i18n";
import { notifyProblem, notifySuccess } from "../../ui";
import { useChangeConsent, useConsentHistory } from "./api/privacy.queries";

const consentColors: Record<EmailConsent, string> = { opted_in: "green", opted_out: "red", unknown: "gray" };

export function ConsentBadge(props: { consent: EmailConsent }) {
  const { t } = useTranslation();
  return <Badge color={consentColors[props.consent]} variant="light">{t(`privacy.consent.${props.consent}`)}</Badge>;
}

/** Marketing e-mail consent on a contact's page: the current state, a change with its source, and the history. */
export function ConsentPanel(props: { contact: Contact; canEdit: boolean }) {
  const { t } = useTranslation();
  const { contact } = props;
  const history = useConsentHistory(contact.id);
  const change = useChangeConsent(contact.id);
  const [consent, setConsent] = useState<EmailConsent>(contact.emailConsent);
  const [source, setSource] = useState("");
  const [doNotContact, setDoNotContact] = useState(contact.doNotContact);
  const isChanged = consent !== contact.emailConsent || doNotContact !== contact.doNotContact;

  function save() {
    change.mutate(
      { emailConsent: consent, consentSource: source.trim(), doNotContact },
      { onSuccess: () => { setSource(""); notifySuccess(t("privacy.consent.saved")); }, onError: (error) => notifyProblem(error) },
    );
  }

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Title order={4}>{t("privacy.consent.title")}</Title>
        <ConsentBadge consent={contact.emailConsent} />
        {contact.doNotContact ? <Badge color="red">{t("privacy.doNotContact")}</Badge> : null}
      </Group>
      {props.canEdit ? (
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t("privacy.consent.label")}
            value={consent}
            onChange={(value) => value && setConsent(value as EmailConsent)}
            data={(["opted_in", "opted_out", "unknown"] as const).map((value) => ({ value, label: t(`privacy.consent.${value}`) }))}
            allowDeselect={false}
            w={180}
          />
          <TextInput label={t("privacy.consent.source")} placeholder={t("privacy.consent.sourcePlaceholder")} value={source} onChange={(event) => setSource(event.currentTarget.value)} w={260} />
          <Checkbox label={t("privacy.doNotContact")} checked={doNotContact} onChange={(event) => setDoNotContact(event.currentTarget.checked)} mb={8} />
          <Button onClick={save} loading={change.isPending} disabled={!isChanged || (consent !== contact.emailConsent && !source.trim())}>
            {t("common.save")}
          </Button>
        </Group>
      ) : null}
      {history.data && history.data.data.length > 0 ? (
        <Table striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("privacy.consent.changedAt")}</Table.Th>
              <Table.Th>{t("privacy.consent.label")}</Table.Th>
              <Table.Th>{t("privacy.consent.source")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...history.data.data].reverse().map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>{formatDateTime(entry.changedAt)}</Table.Td>
                <Table.Td>
                  {entry.previousEmailConsent ? `${t(`privacy.consent.${entry.previousEmailConsent}`)} → ` : ""}
                  {t(`privacy.consent.${entry.emailConsent}`)}
                </Table.Td>
                <Table.Td>{entry.source ?? <Text span c="dimmed">—</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
