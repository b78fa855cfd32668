import type { TFunction } from "i18next";
import type { SparringRefusal } from "~/lib/sparring-question.server";

/**
 * A refusal in the reader's words: the personal data the guard found, by name, or the general
 * message for the database's answer. `specific` gives a sharper message for some keys.
 */
export function refusalMessage(
  t: TFunction,
  refusal: SparringRefusal,
  specific: Partial<Record<string, string>> = {},
): string {
  if (refusal.kind === "personalData") {
    return t("sparringQuestion.personalData.message", {
      kinds: personalDataNames(t, refusal.found),
    });
  }
  return specific[refusal.key] ?? t(`dbErrors.${refusal.key}`);
}

/** "henkilötunnus, puhelinnumero": the kinds found, in the reader's language. */
export function personalDataNames(t: TFunction, kinds: readonly string[]): string {
  return kinds
    .map((kind) =>
      t(`sparringQuestion.personalData.kinds.${kind as "identity_code" | "phone" | "email"}`),
    )
    .join(", ");
}
