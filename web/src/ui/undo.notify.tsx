import { Button, Group, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";

/** A notification for a reversible action ("Contact moved to trash") with an Undo button. */
export function notifyUndoable(options: { message: string; undoLabel: string; onUndo: () => void }) {
  const id = `undo-${Date.now()}`;
  notifications.show({
    id,
    autoClose: 8000,
    withBorder: true,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{options.message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            notifications.hide(id);
            options.onUndo();
          }}
        >
          {options.undoLabel}
        </Button>
      </Group>
    ),
  });
}
