import type { Contact } from "@contracts";
import { Button, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyProblem, notifySuccess } from "../../ui";
import { useCan } from "../auth";
import { downloadContactData, useEraseContact } from "./api/privacy.queries";

/** The word to type before erasing: deliberate friction for an action that cannot be undone. */
const confirmationWord = "ERASE";

/** "Export data" and "Erase" for a contact page; each shows only to roles that may use it. */
export function ContactPrivacyActions(props: { contact: Contact }) {
  const { t } = useTranslation();
  const can = useCan();
  const erase = useEraseContact();
  const [isExporting, setExporting] = useState(false);
  const [isConfirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState("");

  async function exportData() {
    setExporting(true);
    try {
      await downloadContactData(props.contact.id);
    } catch (error) {
      notifyProblem(error);
    } finally {
      setExporting(false);
    }
  }

  function confirmErase() {
    erase.mutate(props.contact.id, {
      onSuccess: () => {
        setConfirming(false);
        setTyped("");
        notifySuccess(t("privacy.erase.done"));
      },
      onError: (error) => notifyProblem(error),
    });
  }

  return (
    <>
      {can("privacy:export") ? <Button variant="default" onClick={() => void exportData()} loading={isExporting}>{t("privacy.export")}</Button> : null}
      {can("privacy:erase") ? <Button color="red" variant="outline" onClick={() => setConfirming(true)}>{t("privacy.erase.button")}</Button> : null}
      <Modal opened={isConfirming} onClose={() => setConfirming(false)} title={t("privacy.erase.title")}>
        <Stack gap="sm">
          <Text size="sm">{t("privacy.erase.message")}</Text>
          <TextInput label={t("privacy.erase.typeToConfirm", { word: confirmationWord })} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} data-autofocus />
          <Button color="red" disabled={typed !== confirmationWord} loading={erase.isPending} onClick={confirmErase}>
            {t("privacy.erase.confirm")}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
