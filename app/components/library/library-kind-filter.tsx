import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SelectField } from "~/components/documents/select-field";
import { buttonClass } from "~/components/ui/button";
import { documentKinds } from "~/lib/document";
import type { LibraryQuery } from "~/lib/library";

/** Narrows the library to one kind of document; a plain GET form, so it works without scripts. */
export function LibraryKindFilter(props: { query: LibraryQuery; section?: string | null }) {
  const { t } = useTranslation();
  return (
    <Form method="get" action="/library" className="flex flex-wrap items-end gap-3">
      {/* The act section chosen in the other filter is kept. */}
      {props.section ? <input type="hidden" name="section" value={props.section} /> : null}
      <SelectField
        id="library-kind"
        name="kind"
        label={t("library.list.filterLabel")}
        defaultValue={props.query.kind === "all" ? "" : props.query.kind}
        // A new select when the URL changes, so back and forward show what is listed.
        key={props.query.kind}
        className="min-w-56"
      >
        <option value="">{t("library.list.allKinds")}</option>
        {documentKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`documents.kinds.${kind}`)}
          </option>
        ))}
      </SelectField>
      <button type="submit" className={buttonClass("secondary")}>
        {t("library.list.filter")}
      </button>
    </Form>
  );
}
