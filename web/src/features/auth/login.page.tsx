import { LoginInput } from "@contracts";
import { Anchor, Button, Center, Loader, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { useSchemaForm } from "../../ui";
import { useLogin, useSetupStatus } from "./api/auth.queries";
import { AuthLayout } from "./auth.layout";

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const setup = useSetupStatus();
  const login = useLogin();
  const form = useSchemaForm({ initialValues: { email: "", password: "" }, schema: LoginInput, toInput: (values) => values });
  const returnTo = (location.state as { from?: string } | null)?.from ?? "/contacts";

  if (setup.isLoading) return <Center mih="100dvh"><Loader aria-label={t("common.loading")} /></Center>;
  if (setup.data && !setup.data.hasWorkspace) return <Navigate to="/signup" replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    login.mutate(input, { onSuccess: () => navigate(returnTo, { replace: true }), onError: form.handleSubmitError });
  }

  return (
    <AuthLayout title={t("auth.loginTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t("auth.email")} type="email" autoComplete="username" autoFocus {...form.getInputProps("email")} />
          <PasswordInput visibilityToggleButtonProps={{ "aria-label": t("auth.toggleVisibility") }} label={t("auth.password")} autoComplete="current-password" {...form.getInputProps("password")} />
          <Button type="submit" loading={login.isPending}>{t("auth.logIn")}</Button>
          {setup.data?.isSignupOpen ? (
            <Text size="sm" ta="center">
              {t("auth.noAccount")} <Anchor component={Link} to="/signup">{t("auth.signUp")}</Anchor>
            </Text>
          ) : null}
        </Stack>
      </form>
    </AuthLayout>
  );
}
