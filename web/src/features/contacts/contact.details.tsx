import type { Contact } from "@contracts";
import { Anchor, Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatDateTime } from "../../i18n";
import { FieldList } from "../../ui";

export function ContactDetails(props: { contact: Contact }) {
  const { t } = useTranslation();
  const { contact } = props;
  const address = contact.address ? [contact.address.street, contact.address.city, contact.address.region, contact.address.postalCode, contact.address.country].filter(Boolean).join(", ") : "";
  return (
    <FieldList
      items={[
        { label: t("contacts.fields.firstName"), value: contact.firstName },
        { label: t("contacts.fields.lastName"), value: contact.lastName },
        { label: t("contacts.fields.emails"), value: contact.emails.map((entry) => <div key={entry.address}><Anchor href={`mailto:${entry.address}`}>{entry.address}</Anchor>{entry.primary && contact.emails.length > 1 ? ` (${t("common.primary")})` : ""}</div>) },
        { label: t("contacts.fields.phones"), value: contact.phones.map((entry) => <div key={entry.number}><Anchor href={`tel:${entry.number}`}>{entry.number}</Anchor>{entry.label ? ` · ${entry.label}` : ""}</div>) },
        { label: t("contacts.fields.jobTitle"), value: contact.jobTitle },
        { label: t("contacts.fields.company"), value: contact.company ? <Anchor component={Link} to={`/companies/${contact.company.id}`}>{contact.company.name}</Anchor> : null },
        { label: t("contacts.fields.lifecycleStage"), value: <Badge variant="light">{t(`lifecycleStages.${contact.lifecycleStage}`)}</Badge> },
        { label: t("contacts.fields.owner"), value: contact.owner?.name },
        { label: t("contacts.fields.source"), value: contact.source },
        { label: t("contacts.fields.birthday"), value: formatDate(contact.birthday) },
        { label: t("contacts.fields.tags"), value: contact.tags.length ? <Group gap={4}>{contact.tags.map((tag) => <Badge key={tag} variant="outline">{tag}</Badge>)}</Group> : null },
        { label: t("address.title"), value: address },
        { label: t("contacts.fields.notes"), value: contact.notes },
        { label: t("contacts.fields.createdAt"), value: formatDateTime(contact.createdAt) },
        { label: t("contacts.fields.updatedAt"), value: formatDateTime(contact.updatedAt) },
      ]}
    />
  );
}
