import { Alert, Button, Center, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";
import { problemDetail } from "./problem.fields";

/** In-page display of a failed load, with an optional retry. */
export function ProblemAlert(props: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const isNotFound = props.error instanceof ApiError && props.error.status === 404;
  const title = isNotFound ? t("errors.notFound") : props.error instanceof ApiError ? props.error.problem.title : t("errors.generic");
  return (
    <Center py="xl">
      <Alert color={isNotFound ? "gray" : "red"} title={title} role="alert" maw={560} w="100%">
        <Stack gap="sm" align="flex-start">
          <span>{problemDetail(props.error)}</span>
          {props.onRetry ? (
            <Button size="xs" variant="light" onClick={props.onRetry}>
              {t("common.retry")}
            </Button>
          ) : null}
        </Stack>
      </Alert>
    </Center>
  );
}
