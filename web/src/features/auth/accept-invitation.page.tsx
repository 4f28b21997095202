import { AcceptInvitationInput } from "@contracts";
import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { useSchemaForm } from "../../ui";
import { useAcceptInvitation } from "./api/auth.queries";
import { AuthLayout } from "./auth.layout";

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token") ?? "";
  const accept = useAcceptInvitation();
  const form = useSchemaForm({
    initialValues: { name: "", password: "" },
    schema: AcceptInvitationInput,
    toInput: (values) => ({ ...values, token }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    accept.mutate(input, { onSuccess: () => navigate("/contacts", { replace: true }), onError: form.handleSubmitError });
  }

  return (
    <AuthLayout title={t("auth.acceptTitle")}>
      {token ? (
        <form onSubmit={submit} noValidate>
          <Stack>
            {form.errors.token ? <Alert color="red">{t("auth.invalidInvitation")}</Alert> : null}
            <TextInput label={t("auth.name")} autoComplete="name" autoFocus {...form.getInputProps("name")} />
            <PasswordInput visibilityToggleButtonProps={{ "aria-label": t("auth.toggleVisibility") }} label={t("auth.password")} description={t("auth.passwordHint")} autoComplete="new-password" {...form.getInputProps("password")} />
            <Button type="submit" loading={accept.isPending}>{t("auth.acceptInvitation")}</Button>
          </Stack>
        </form>
      ) : (
        <Alert color="red">{t("auth.invalidInvitation")}</Alert>
      )}
    </AuthLayout>
  );
}
