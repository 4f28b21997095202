import { Center, Group, Paper, Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { LanguageSwitch } from "../../i18n";

/** The centred card the sign-up, log-in and invitation pages share. */
export function AuthLayout(props: { title: string; children: ReactNode }) {
  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Stack w="100%" maw={420} gap="md">
        <Group justify="space-between">
          <Title order={2} c="blue.7">Pillar</Title>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          <Title order={3} mb="md">{props.title}</Title>
          {props.children}
        </Paper>
      </Stack>
    </Center>
  );
}
