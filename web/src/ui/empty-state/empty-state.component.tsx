import { Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** What a list shows when it has nothing yet: a sentence and the next step. */
export function EmptyState(props: { title: string; description?: string; action?: ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="md" data-testid="empty-state">
      <Stack align="center" gap="sm">
        <Title order={3} ta="center">{props.title}</Title>
        {props.description ? <Text c="dimmed" ta="center">{props.description}</Text> : null}
        {props.action}
      </Stack>
    </Paper>
  );
}
