import { OverrideStageInput } from "@contracts";
import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";
import { notifyProblem, notifySuccess, useSchemaForm } from "../../ui";
import { useCan } from "../auth";
import { useMoveDeal, useOverrideStage, type StageMove } from "./api/deals.queries";

interface BlockedMove {
  move: StageMove;
  dealName: string;
  detail: string;
  steps: string[];
}

/** The open required steps a 409 names: one `errors[]` entry per step title. */
function blockedSteps(error: ApiError): string[] {
  return (error.problem.errors ?? []).map((entry) => entry.message).filter(Boolean);
}

function BlockedMoveDialog(props: { blocked: BlockedMove | null; onClose: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const override = useOverrideStage();
  const canOverride = can("deals:override_stage");
  const [isOverriding, setOverriding] = useState(false);
  const form = useSchemaForm({
    initialValues: { reason: "" },
    schema: OverrideStageInput,
    toInput: (values) => ({ stageId: props.blocked?.move.toStageId ?? "", reason: values.reason }),
  });

  function close() {
    setOverriding(false);
    form.setValues({ reason: "" });
    props.onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    if (!input || !props.blocked) return;
    override.mutate(
      { dealId: props.blocked.move.dealId, input },
      {
        onSuccess: () => {
          notifySuccess(t("deals.move.overridden"));
          close();
        },
        onError: form.handleSubmitError,
      },
    );
  }

  const blocked = props.blocked;
  return (
    <Modal opened={blocked !== null} onClose={close} title={t("deals.move.blockedTitle")} centered>
      {blocked ? (
        <Stack data-testid="blocked-move">
          <Alert color="orange" role="alert">
            <Stack gap="xs">
              <Text size="sm">{t("deals.move.blockedIntro", { name: blocked.dealName })}</Text>
              {blocked.steps.length ? (
                <List size="sm">
                  {blocked.steps.map((step) => <List.Item key={step}>{step}</List.Item>)}
                </List>
              ) : (
                <Text size="sm">{blocked.detail}</Text>
              )}
              <Text size="sm" c="dimmed">{t("deals.move.blockedHint")}</Text>
            </Stack>
          </Alert>
          {canOverride && isOverriding ? (
            <form onSubmit={submit} noValidate>
              <Stack gap="sm">
                <Textarea label={t("deals.move.reason")} description={t("deals.move.reasonHint")} autosize minRows={2} data-autofocus {...form.getInputProps("reason")} />
                <Group justify="flex-end">
                  <Button variant="default" onClick={close}>{t("common.cancel")}</Button>
                  <Button type="submit" color="orange" loading={override.isPending}>{t("deals.move.overrideConfirm")}</Button>
                </Group>
              </Stack>
            </form>
          ) : (
            <Group justify="flex-end">
              {canOverride ? <Button variant="light" color="orange" onClick={() => setOverriding(true)}>{t("deals.move.override")}</Button> : null}
              <Button onClick={close} data-autofocus>{t("common.close")}</Button>
            </Group>
          )}
        </Stack>
      ) : null}
    </Modal>
  );
}

/**
 * Moving a deal between stages, shared by the board and the deal page: optimistic, rolled back on
 * refusal; a move blocked by open required steps opens a dialog naming them, with Override for managers.
 */
export function useStageMove() {
  const move = useMoveDeal();
  const [blocked, setBlocked] = useState<BlockedMove | null>(null);

  function moveDeal(request: StageMove & { dealName: string }) {
    if (request.fromStageId === request.toStageId) return;
    const { dealName, ...stageMove } = request;
    move.mutate(stageMove, {
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409) setBlocked({ move: stageMove, dealName, detail: error.problem.detail, steps: blockedSteps(error) });
        else notifyProblem(error);
      },
    });
  }

  return {
    moveDeal,
    isMoving: move.isPending,
    dialog: <BlockedMoveDialog blocked={blocked} onClose={() => setBlocked(null)} />,
  };
}
