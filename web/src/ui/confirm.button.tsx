import { Button, Group, Modal, Text, type ButtonProps } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

/** A button that asks before it acts (purge, revoke). */
export function ConfirmButton(props: ButtonProps & { label: string; title: string; message: string; confirmLabel: string; onConfirm: () => void | Promise<void> }) {
  const { t } = useTranslation();
  const { label, title, message, confirmLabel, onConfirm, ...buttonProps } = props;
  const [isOpen, setOpen] = useState(false);
  const [isBusy, setBusy] = useState(false);
  return (
    <>
      <Button {...buttonProps} onClick={(event) => { event.stopPropagation(); setOpen(true); }}>
        {label}
      </Button>
      <Modal opened={isOpen} onClose={() => setOpen(false)} title={title} centered>
        <Text mb="md">{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t("common.cancel")}
          </Button>
          <Button
            color="red"
            loading={isBusy}
            data-autofocus
            onClick={async () => {
              setBusy(true);
              try {
                await onConfirm();
                setOpen(false);
              } finally {
                setBusy(false);
              }
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
