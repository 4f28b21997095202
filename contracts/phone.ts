import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/** Returns the E.164 form of an international number, or null when it is not a valid number. */
export function toE164(input: string): string | null {
  const trimmed = input.trim().replace(/^00/, "+");
  if (!trimmed.startsWith("+")) return null;
  const parsed = parsePhoneNumberFromString(trimmed);
  return parsed?.isValid() ? parsed.number : null;
}
