import type { TFunction } from "i18next";
import type { PersonalDataKind } from "~/lib/personal-data";

/** "henkilötunnus, puhelinnumero": what the guard found, in the reader's words. */
export function personalDataKindsText(t: TFunction, kinds: PersonalDataKind[]): string {
  return kinds.map((kind) => t(`interpretations.personalDataKinds.${kind}`)).join(", ");
}
