import { Menu, UnstyledButton, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { changeLanguage, languages } from "./i18n.setup";

/** Header control that switches the UI language and remembers the choice. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = languages.find((language) => language.code === i18n.language) ?? languages[0];
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t("language.switch")} data-testid="language-switch" px="xs">
          <Text size="sm">{current.code === "en" ? "EN" : "中文"}</Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {languages.map((language) => (
          <Menu.Item key={language.code} onClick={() => changeLanguage(language.code)} aria-current={language.code === current.code}>
            {language.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
