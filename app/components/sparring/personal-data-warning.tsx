import { useTranslation } from "react-i18next";
import type { PersonalDataSighting } from "~/lib/sparring-question-form";

/**
 * What the guard finds while the person types: each piece of personal data, the field it is in
 * and a masked quote so it can be found without repeating it, and why it has to go. Possible
 * names only get a reminder. Both regions are always in the page, so a screen reader announces
 * what appears in them.
 */
export function PersonalDataWarning(props: {
  id: string;
  sightings: PersonalDataSighting[];
  names: string[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <div id={props.id} role="status">
        {props.sightings.length > 0 ? (
          <div className="space-y-2 rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-950">
            <p className="font-semibold">{t("sparring.personalData.heading")}</p>
            <p>{t("sparring.personalData.explanation")}</p>
            <p>{t("sparring.personalData.found")}</p>
            <ul className="list-disc pl-5">
              {props.sightings.map((sighting, index) => (
                // The same masked text can occur twice in a field; the position tells them apart.
                // biome-ignore lint/suspicious/noArrayIndexKey: sightings have no identity of their own
                <li key={`${sighting.field}-${index}`}>
                  {t("sparring.personalData.item", {
                    field: t(`sparring.form.fields.${sighting.field}`),
                    kind: t(`sparring.personalData.kinds.${sighting.kind}`),
                    masked: sighting.masked,
                  })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <div role="status">
        {props.names.length > 0 ? (
          <div className="rounded-md border-l-4 border-amber-700 bg-amber-50 p-4 text-amber-950">
            <p>{t("sparring.personalData.names", { names: props.names.join(", ") })}</p>
          </div>
        ) : null}
      </div>
    </>
  );
}
