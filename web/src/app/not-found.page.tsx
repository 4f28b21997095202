import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../ui";

export function NotFoundPage() {
  const { t } = useTranslation();
  return <EmptyState title={t("errors.pageNotFound")} action={<Anchor component={Link} to="/contacts">{t("nav.contacts")}</Anchor>} />;
}
