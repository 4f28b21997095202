import { notifications } from "@mantine/notifications";
import i18next from "i18next";
import { ApiError } from "../../api";
import { problemDetail } from "./problem.fields";

/** Shows a failed request as a red notification with the problem's `detail`. */
export function notifyProblem(error: unknown, title?: string): void {
  const status = error instanceof ApiError ? error.status : 0;
  notifications.show({
    color: "red",
    title: title ?? (status === 429 ? i18next.t("errors.throttled") : error instanceof ApiError ? error.problem.title : i18next.t("errors.generic")),
    message: problemDetail(error),
    withBorder: true,
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: "green", message, withBorder: true });
}
