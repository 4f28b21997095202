import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

const Address = z.email();

/** Asks for the address a document goes to; the caller sends it. */
export function SendDialog(props: { isOpen: boolean; title: string; isSending: boolean; onClose: () => void; onSend: (to: string) => void; initialTo?: string | null }) {
  const { t } = useTranslation();
  const [to, setTo] = useState("");
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    if (props.isOpen) {
      setTo(props.initialTo ?? "");
      setError(undefined);
    }
  }, [props.isOpen, props.initialTo]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!Address.safeParse(to.trim()).success) {
      setError(t("commerce.send.invalidAddress"));
      return;
    }
    props.onSend(to.trim());
  }

  return (
    <Modal opened={props.isOpen} onClose={props.onClose} title={props.title} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t("commerce.send.to")} type="email" value={to} onChange={(event) => setTo(event.currentTarget.value)} error={error} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={props.isSending}>{t("commerce.send.submit")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
