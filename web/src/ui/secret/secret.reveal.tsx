import { Alert, Button, Code, CopyButton, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A secret (API key, invitation link) shown once, with a copy button. */
export function SecretReveal(props: { title: string; value: string; onClose?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={props.title} withCloseButton={Boolean(props.onClose)} onClose={props.onClose} closeButtonLabel={t("common.close")} data-testid="secret-reveal">
      <Group gap="xs" wrap="nowrap" align="center">
        <Code style={{ wordBreak: "break-all", flex: 1 }} data-testid="secret-value">
          {props.value}
        </Code>
        <CopyButton value={props.value}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" color={copied ? "green" : "blue"} onClick={copy}>
              {copied ? t("common.copied") : t("common.copy")}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Alert>
  );
}
