/** Translations (English and Simplified Chinese) and the language switch. */
export { changeLanguage, i18next, languages } from "./i18n.setup";
export type { LanguageCode } from "./i18n.setup";
export { LanguageSwitch } from "./language.switch";
export { formatDate, formatDateTime, formatMoney, minorUnitDigits } from "./format";
