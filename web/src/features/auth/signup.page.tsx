import { SignupInput } from "@contracts";
import { Alert, Anchor, Button, Center, Loader, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useSchemaForm } from "../../ui";
import { useSetupStatus, useSignup } from "./api/auth.queries";
import { AuthLayout } from "./auth.layout";

export function SignupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setup = useSetupStatus();
  const signup = useSignup();
  const form = useSchemaForm({
    initialValues: { name: "", email: "", password: "", workspaceName: "" },
    schema: SignupInput,
    toInput: (values) => values,
  });

  if (setup.isLoading) return <Center mih="100dvh"><Loader aria-label={t("common.loading")} /></Center>;
  const isClosed = setup.data ? !setup.data.isSignupOpen && setup.data.hasWorkspace : false;

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    signup.mutate(input, { onSuccess: () => navigate("/contacts", { replace: true }), onError: form.handleSubmitError });
  }

  return (
    <AuthLayout title={setup.data?.hasWorkspace ? t("auth.signupTitle") : t("auth.firstSignupTitle")}>
      {isClosed ? (
        <Stack>
          <Alert color="gray">{t("auth.signupClosed")}</Alert>
          <Anchor component={Link} to="/login">{t("auth.logIn")}</Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput label={t("auth.name")} autoComplete="name" autoFocus {...form.getInputProps("name")} />
            <TextInput label={t("auth.email")} type="email" autoComplete="email" {...form.getInputProps("email")} />
            <PasswordInput visibilityToggleButtonProps={{ "aria-label": t("auth.toggleVisibility") }} label={t("auth.password")} description={t("auth.passwordHint")} autoComplete="new-password" {...form.getInputProps("password")} />
            <TextInput label={t("auth.workspaceName")} {...form.getInputProps("workspaceName")} />
            <Button type="submit" loading={signup.isPending}>{t("auth.signUp")}</Button>
            {setup.data?.hasWorkspace ? (
              <Text size="sm" ta="center">
                {t("auth.haveAccount")} <Anchor component={Link} to="/login">{t("auth.logIn")}</Anchor>
              </Text>
            ) : null}
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
