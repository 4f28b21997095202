import type { RecordWarning } from "@contracts";
import { Anchor, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { TFunction } from "i18next";
import { Link } from "react-router";

/** After a create: the new record looks like existing ones; offer the duplicates page. */
export function notifyPossibleDuplicates(t: TFunction, object: "contacts" | "companies", warnings: RecordWarning[] | undefined) {
  const ids = warnings?.flatMap((warning) => warning.ids) ?? [];
  if (ids.length === 0) return;
  notifications.show({
    color: "yellow",
    autoClose: 10000,
    withBorder: true,
    message: (
      <Text size="sm">
        {t("duplicates.possibleDuplicate", { count: ids.length })}{" "}
        <Anchor component={Link} to={`/duplicates/${object}`}>{t("duplicates.review")}</Anchor>
      </Text>
    ),
  });
}
