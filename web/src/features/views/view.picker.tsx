import type { SavedView } from "@contracts";
import { Button, Group, Menu, Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyProblem, notifySuccess } from "../../ui";
import { useMe } from "../auth";
import { useDeleteSavedView, useSavedViews, useUpdateSavedView, type ViewObject } from "./api/views.queries";
import { SaveViewModal } from "./save-view.modal";
import { toSavedConfig, type ViewConfig } from "./use-list-state";

export interface ViewPickerProps {
  object: ViewObject;
  viewId: string | null;
  config: ViewConfig;
  onSelect: (view: SavedView | null) => void;
}

/** Picks the saved view a list shows ("All …" by default) and saves the current one. */
export function ViewPicker(props: ViewPickerProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const views = useSavedViews(props.object);
  const updateView = useUpdateSavedView();
  const deleteView = useDeleteSavedView(props.object);
  const [isSaveOpen, setSaveOpen] = useState(false);
  const list = views.data?.data ?? [];
  const current = list.find((view) => view.id === props.viewId) ?? null;
  const isOwnView = Boolean(current && me && current.ownerId === me.user.id);
  const allLabel = t(`views.all.${props.object}`);

  const options = [
    { value: "", label: allLabel },
    ...list.map((view) => ({ value: view.id, label: view.isShared ? `${view.name} · ${t("views.shared")}` : view.name })),
  ];

  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        aria-label={t("views.picker")}
        data={options}
        value={props.viewId ?? ""}
        onChange={(value) => props.onSelect(list.find((view) => view.id === value) ?? null)}
        allowDeselect={false}
        w={{ base: 170, sm: 220 }}
        data-testid="view-picker"
      />
      <Button variant="default" onClick={() => setSaveOpen(true)}>
        {t("views.save")}
      </Button>
      {isOwnView && current ? (
        <Menu withinPortal position="bottom-end">
          <Menu.Target>
            <Button variant="subtle" px="xs" aria-label={t("views.actions")}>⋯</Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              onClick={() =>
                updateView.mutate(
                  { id: current.id, input: { config: toSavedConfig(props.config) } },
                  { onSuccess: () => notifySuccess(t("views.updated")), onError: (error) => notifyProblem(error) },
                )
              }
            >
              {t("views.update")}
            </Menu.Item>
            <Menu.Item
              color="red"
              onClick={() =>
                deleteView.mutate(current.id, { onSuccess: () => props.onSelect(null), onError: (error) => notifyProblem(error) })
              }
            >
              {t("views.delete")}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ) : null}
      <SaveViewModal object={props.object} config={props.config} isOpen={isSaveOpen} onClose={() => setSaveOpen(false)} onSaved={props.onSelect} />
    </Group>
  );
}
