import { mentionMarkup } from "@contracts";
import { Paper, Stack, Textarea, UnstyledButton, Text } from "@mantine/core";
import { useRef, useState } from "react";
import { useMembers } from "../settings";

const mentionQuery = /(^|\s)@([\p{L}\p{N}_.-]{0,40})$/u;

/**
 * A Markdown textarea where typing `@` and a few letters offers workspace members; picking one
 * inserts `[@Name](mention:<id>)`, which notifies them when the activity is saved.
 */
export function MentionTextarea(props: { label: string; description?: string; value: string; onChange: (value: string) => void; error?: string; minRows?: number }) {
  const members = useMembers();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<string | null>(null);

  function track(value: string, caret: number) {
    const match = mentionQuery.exec(value.slice(0, caret));
    setQuery(match ? match[2] : null);
  }

  const suggestions =
    query === null
      ? []
      : (members.data?.data ?? [])
          .filter((member) => `${member.name} ${member.email}`.toLowerCase().includes(query.toLowerCase()))
          .slice(0, 6);

  function pick(member: { userId: string; name: string; email: string }) {
    const element = ref.current;
    const caret = element?.selectionStart ?? props.value.length;
    const before = props.value.slice(0, caret).replace(/@[\p{L}\p{N}_.-]{0,40}$/u, "");
    const inserted = `${mentionMarkup(member.name || member.email, member.userId)} `;
    props.onChange(before + inserted + props.value.slice(caret));
    setQuery(null);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(before.length + inserted.length, before.length + inserted.length);
    });
  }

  return (
    <Stack gap={4}>
      <Textarea
        ref={ref}
        label={props.label}
        description={props.description}
        value={props.value}
        error={props.error}
        autosize
        minRows={props.minRows ?? 3}
        onChange={(event) => {
          props.onChange(event.currentTarget.value);
          track(event.currentTarget.value, event.currentTarget.selectionStart);
        }}
        onKeyDown={(event) => {
          if (event.key === "Escape") setQuery(null);
          if (event.key === "Enter" && suggestions.length > 0) {
            event.preventDefault();
            pick(suggestions[0]);
          }
        }}
        data-testid="activity-body"
      />
      {suggestions.length > 0 ? (
        <Paper withBorder shadow="sm" p={4} role="listbox" data-testid="mention-suggestions">
          {suggestions.map((member) => (
            <UnstyledButton key={member.userId} role="option" onMouseDown={(event) => event.preventDefault()} onClick={() => pick(member)} p={6} w="100%" style={{ borderRadius: 4 }}>
              <Text size="sm">{member.name}</Text>
              <Text size="xs" c="dimmed">{member.email}</Text>
            </UnstyledButton>
          ))}
        </Paper>
      ) : null}
    </Stack>
  );
}
