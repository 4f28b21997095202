import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { zhCN } from "./zh-CN";

export const languages = [
  { code: "en", label: "English" },
  { code: "zh-CN", label: "简体中文" },
] as const;
export type LanguageCode = (typeof languages)[number]["code"];

const storageKey = "pillar.language";

function initialLanguage(): LanguageCode {
  const stored = globalThis.localStorage?.getItem(storageKey);
  if (stored === "en" || stored === "zh-CN") return stored;
  return globalThis.navigator?.language?.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

export function changeLanguage(code: LanguageCode): void {
  globalThis.localStorage?.setItem(storageKey, code);
  void i18next.changeLanguage(code);
  document.documentElement.lang = code;
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, "zh-CN": { translation: zhCN } },
  lng: initialLanguage(),
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export { i18next };
