import { Center, Loader } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { ApiError } from "../../api";
import { ProblemAlert } from "../../ui";
import { useMe, useSetupStatus } from "./api/auth.queries";

/** Renders its children only for a signed-in user; otherwise sends them to sign up or log in. */
export function AuthGuard(props: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  const isSignedOut = me.error instanceof ApiError && me.error.status === 401;
  const setup = useSetupStatus();

  if (me.isLoading || (isSignedOut && setup.isLoading)) {
    return <Center mih="100dvh"><Loader aria-label={t("common.loading")} /></Center>;
  }
  if (isSignedOut || (!me.data && me.error instanceof ApiError && me.error.status === 403)) {
    const target = setup.data && !setup.data.hasWorkspace ? "/signup" : "/login";
    return <Navigate to={target} replace state={{ from: location.pathname + location.search }} />;
  }
  if (!me.data) return <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />;
  return <>{props.children}</>;
}
