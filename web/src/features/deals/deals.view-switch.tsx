import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

/** Board or list: two views of the same deals. */
export function DealsViewSwitch(props: { value: "board" | "list" }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <SegmentedControl
      aria-label={t("deals.viewSwitch")}
      value={props.value}
      onChange={(value) => navigate(value === "list" ? "/deals/list" : "/deals")}
      data={[
        { value: "board", label: t("deals.board.title") },
        { value: "list", label: t("deals.list.title") },
      ]}
    />
  );
}
