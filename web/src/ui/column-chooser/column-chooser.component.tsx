import { Button, Checkbox, Popover, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";

export interface ColumnOption {
  id: string;
  label: string;
}

/** Checkbox list of the columns a list shows; keeps the order of `columns`. */
export function ColumnChooser(props: { columns: ColumnOption[]; visible: string[]; onChange: (visible: string[]) => void }) {
  const { t } = useTranslation();
  function toggle(id: string, isChecked: boolean) {
    const next = new Set(props.visible);
    if (isChecked) next.add(id);
    else next.delete(id);
    if (next.size === 0) return;
    props.onChange(props.columns.map((column) => column.id).filter((columnId) => next.has(columnId)));
  }
  return (
    <Popover position="bottom-end" withinPortal>
      <Popover.Target>
        <Button variant="default">{t("columns.choose")}</Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" role="group" aria-label={t("columns.choose")}>
          {props.columns.map((column) => (
            <Checkbox key={column.id} label={column.label} checked={props.visible.includes(column.id)} onChange={(event) => toggle(column.id, event.currentTarget.checked)} />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
