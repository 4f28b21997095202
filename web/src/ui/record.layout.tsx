import { Anchor, Breadcrumbs, Group, Stack, Tabs, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export interface RecordLayoutProps {
  backLabel: string;
  backTo: string;
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  banner?: ReactNode;
  details: ReactNode;
  related?: ReactNode;
  /** The record's timeline of activities and changes, as its own tab. */
  timeline?: ReactNode;
  /** Absent when the user may not read the audit trail. */
  history?: ReactNode;
  /** Tabs of this kind of record only (a deal's stage history), between Timeline and History. */
  tabs?: { value: string; label: string; panel: ReactNode }[];
}

/** A record page: breadcrumb, title with actions, then Details, Timeline and History tabs. */
export function RecordLayout(props: RecordLayoutProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to={props.backTo} size="sm">{props.backLabel}</Anchor>
        <span>{props.title}</span>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Title order={2} style={{ wordBreak: "break-word" }}>{props.title}</Title>
          {props.subtitle}
        </Stack>
        <Group gap="xs">{props.actions}</Group>
      </Group>
      {props.banner}
      <Tabs defaultValue="details" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="details">{t("record.details")}</Tabs.Tab>
          {props.timeline ? <Tabs.Tab value="timeline" data-testid="timeline-tab">{t("activities.timeline")}</Tabs.Tab> : null}
          {props.tabs?.map((tab) => <Tabs.Tab key={tab.value} value={tab.value}>{tab.label}</Tabs.Tab>)}
          {props.history ? <Tabs.Tab value="history">{t("record.history")}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <Stack gap="xl">
            {props.details}
            {props.related}
          </Stack>
        </Tabs.Panel>
        {props.timeline ? <Tabs.Panel value="timeline" pt="md">{props.timeline}</Tabs.Panel> : null}
        {props.tabs?.map((tab) => <Tabs.Panel key={tab.value} value={tab.value} pt="md">{tab.panel}</Tabs.Panel>)}
        {props.history ? <Tabs.Panel value="history" pt="md">{props.history}</Tabs.Panel> : null}
      </Tabs>
    </Stack>
  );
}
