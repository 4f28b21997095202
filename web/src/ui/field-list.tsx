import { SimpleGrid, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** Read-only label / value pairs for a record's view mode. */
export function FieldList(props: { items: { label: string; value: ReactNode }[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
      {props.items.map((item) => (
        <Stack key={item.label} gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">{item.label}</Text>
          <Text size="sm" component="div" style={{ wordBreak: "break-word", whiteSpace: "pre-wrap" }}>
            {item.value === null || item.value === undefined || item.value === "" ? "—" : item.value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
