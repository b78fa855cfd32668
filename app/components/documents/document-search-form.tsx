import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/components/forms/text-field";
import { buttonClass } from "~/components/ui/button";
import { documentKinds } from "~/lib/document";
import { type DocumentListQuery, documentSearchMaxLength } from "~/lib/document-form";
import { SelectField } from "./select-field";

/** Search by title and filter by kind; a GET form, so the result has an address to share. */
export function DocumentSearchForm(props: { query: DocumentListQuery }) {
  const { t } = useTranslation();
  const filtered = props.query.search !== "" || props.query.kind !== "all";
  return (
    <Form method="get" role="search" aria-label={t("documents.mine.searchLegend")}>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          id="q"
          type="search"
          label={t("documents.mine.searchLabel")}
          defaultValue={props.query.search}
          maxLength={documentSearchMaxLength}
          className="min-w-64 flex-1"
        />
        <SelectField
          id="kind"
          label={t("documents.mine.kindLabel")}
          defaultValue={props.query.kind}
        >
          <option value="all">{t("documents.mine.allKinds")}</option>
          {documentKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`documents.kinds.${kind}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className={buttonClass("primary")}>
          {t("documents.mine.searchSubmit")}
        </button>
        {filtered ? (
          <Link to="/documents" className={buttonClass("quiet")}>
            {t("documents.mine.clear")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
