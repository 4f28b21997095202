import type { Contact } from "@contracts";
import { Anchor, Badge, Group, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatDateTime } from "../../i18n";
import { FieldList } from "../../ui";
import { CustomValuesList } from "../custom-fields";

export function ContactDetails(props: { contact: Contact }) {
  const { t } = useTranslation();
  const { contact } = props;
  // A field the workspace hides from this role is absent from the API's answer; show no row for it.
  const isShown = (field: keyof Contact) => field in contact;
  const address = contact.address ? [contact.address.street, contact.address.city, contact.address.region, contact.address.postalCode, contact.address.country].filter(Boolean).join(", ") : "";
  return (
    <Stack>
    <FieldList
      items={[
        { label: t("contacts.fields.firstName"), value: contact.firstName },
        { label: t("contacts.fields.lastName"), value: contact.lastName },
        { label: t("contacts.fields.emails"), value: contact.emails.map((entry) => <div key={entry.address}><Anchor href={`mailto:${entry.address}`}>{entry.address}</Anchor>{entry.primary && contact.emails.length > 1 ? ` (${t("common.primary")})` : ""}</div>) },
        ...(isShown("phones") ? [{ label: t("contacts.fields.phones"), value: contact.phones?.map((entry) => <div key={entry.number}><Anchor href={`tel:${entry.number}`}>{entry.number}</Anchor>{entry.label ? ` · ${entry.label}` : ""}</div>) }] : []),
        { label: t("contacts.fields.jobTitle"), value: contact.jobTitle },
        { label: t("contacts.fields.company"), value: contact.company ? <Anchor component={Link} to={`/companies/${contact.company.id}`}>{contact.company.name}</Anchor> : null },
        { label: t("contacts.fields.lifecycleStage"), value: <Badge variant="light">{t(`lifecycleStages.${contact.lifecycleStage}`)}</Badge> },
        { label: t("contacts.fields.leadStatus"), value: contact.leadStatus ? t(`leadStatuses.${contact.leadStatus}`) : null },
        { label: t("contacts.fields.owner"), value: contact.owner?.name },
        { label: t("contacts.fields.source"), value: contact.source },
        ...(isShown("birthday") ? [{ label: t("contacts.fields.birthday"), value: formatDate(contact.birthday) }] : []),
        { label: t("contacts.fields.tags"), value: contact.tags.length ? <Group gap={4}>{contact.tags.map((tag) => <Badge key={tag} variant="outline">{tag}</Badge>)}</Group> : null },
        ...(isShown("address") ? [{ label: t("address.title"), value: address }] : []),
        ...(isShown("notes") ? [{ label: t("contacts.fields.notes"), value: contact.notes }] : []),
        { label: t("contacts.fields.createdAt"), value: formatDateTime(contact.createdAt) },
        { label: t("contacts.fields.updatedAt"), value: formatDateTime(contact.updatedAt) },
      ]}
    />
    <CustomValuesList object="contact" values={contact.custom} />
    </Stack>
  );
}
