import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import type { Moment, VersionListItem } from "~/lib/document-history";

type Version = VersionListItem;

function VersionKindText(props: { version: Version }) {
  const { t } = useTranslation();
  const { version } = props;
  if (version.kind === "restore") {
    return (
      <>
        {version.restoredFromNumber
          ? t("history.kinds.restore", { number: version.restoredFromNumber })
          : t("history.kinds.restoreUnknown")}
      </>
    );
  }
  if (version.kind === "named") {
    return (
      <>
        <span className="block font-medium break-words">{version.name}</span>
        <span className="block text-sm text-slate-700">{t("history.kinds.named")}</span>
      </>
    );
  }
  if (version.kind === "frozen") return <>{t("history.kinds.frozen")}</>;
  return <>{t("history.kinds.auto")}</>;
}

function CompareRadio(props: {
  side: "from" | "to";
  value: string;
  label: string;
  defaultChecked: boolean;
}) {
  const { t } = useTranslation();
  const id = `compare-${props.side}-${props.value}`;
  return (
    <>
      <input
        type="radio"
        id={id}
        name={props.side}
        value={props.value}
        defaultChecked={props.defaultChecked}
        className="h-5 w-5 accent-blue-800"
      />
      <label htmlFor={id} className="sr-only">
        {t(props.side === "from" ? "history.compare.fromLabel" : "history.compare.toLabel", {
          version: props.label,
        })}
      </label>
    </>
  );
}

/**
 * Every version newest first, with the current text on top: pick one "from" and one "to" to
 * compare (two radio groups, so arrow keys move within a column), and restore links for editors.
 * A plain GET form, so comparing works without scripts.
 */
export function VersionTable(props: {
  documentId: string;
  versions: Version[];
  currentUpdatedAt: Moment | null;
  canRestore: boolean;
  /** Keeps the page (and other parameters) in restore links. */
  restoreHref: (versionId: string) => string;
}) {
  const { t } = useTranslation();
  const { versions } = props;
  const defaultFrom = versions[0]?.id ?? "current";
  const cell = "px-3 py-2 align-top";
  return (
    <Form method="get" action={`/documents/${props.documentId}/history/compare`}>
      <fieldset className="space-y-3">
        <legend className="text-xl font-semibold">{t("history.compare.legend")}</legend>
        <p className="text-slate-700" id="compare-hint">
          {t("history.compare.hint")}
        </p>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left" aria-describedby="compare-hint">
            <thead className="border-b border-slate-200 bg-slate-50 text-sm">
              <tr>
                <th scope="col" className={cell}>
                  {t("history.columns.from")}
                </th>
                <th scope="col" className={cell}>
                  {t("history.columns.to")}
                </th>
                <th scope="col" className={cell}>
                  {t("history.columns.version")}
                </th>
                <th scope="col" className={cell}>
                  {t("history.columns.kind")}
                </th>
                <th scope="col" className={cell}>
                  {t("history.columns.time")}
                </th>
                <th scope="col" className={cell}>
                  {t("history.columns.contributors")}
                </th>
                <th scope="col" className={cell}>
                  {t("history.columns.creator")}
                </th>
                {props.canRestore ? (
                  <th scope="col" className={cell}>
                    {t("history.columns.actions")}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              <tr className="bg-blue-50/50">
                <td className={cell}>
                  <CompareRadio
                    side="from"
                    value="current"
                    label={t("history.current")}
                    defaultChecked={defaultFrom === "current"}
                  />
                </td>
                <td className={cell}>
                  <CompareRadio
                    side="to"
                    value="current"
                    label={t("history.current")}
                    defaultChecked
                  />
                </td>
                <th scope="row" className={`${cell} font-medium`}>
                  {t("history.current")}
                </th>
                <td className={cell}>{t("history.currentHint")}</td>
                <td className={cell}>
                  {props.currentUpdatedAt ? (
                    <time dateTime={props.currentUpdatedAt.iso}>{props.currentUpdatedAt.text}</time>
                  ) : null}
                </td>
                <td className={cell} />
                <td className={cell} />
                {props.canRestore ? <td className={cell} /> : null}
              </tr>
              {versions.map((version) => {
                const label = t("history.versionNumber", { number: version.number });
                return (
                  <tr key={version.id} data-version={version.number}>
                    <td className={cell}>
                      <CompareRadio
                        side="from"
                        value={version.id}
                        label={label}
                        defaultChecked={version.id === defaultFrom}
                      />
                    </td>
                    <td className={cell}>
                      <CompareRadio
                        side="to"
                        value={version.id}
                        label={label}
                        defaultChecked={false}
                      />
                    </td>
                    <th scope="row" className={`${cell} font-medium whitespace-nowrap`}>
                      {label}
                    </th>
                    <td className={cell}>
                      <VersionKindText version={version} />
                    </td>
                    <td className={`${cell} whitespace-nowrap`}>
                      <time dateTime={version.createdAt.iso}>{version.createdAt.text}</time>
                    </td>
                    <td className={cell}>
                      {version.contributorNames.length > 0
                        ? version.contributorNames.join(", ")
                        : t("history.noContributors")}
                    </td>
                    <td className={cell}>
                      {version.creatorName ??
                        (version.kind === "auto" ? t("history.automatic") : null)}
                    </td>
                    {props.canRestore ? (
                      <td className={cell}>
                        <Link
                          to={props.restoreHref(version.id)}
                          className={buttonClass("secondary")}
                          aria-label={t("history.restore.actionLabel", {
                            number: version.number,
                          })}
                        >
                          {t("history.restore.action")}
                        </Link>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <button type="submit" className={buttonClass("primary")}>
          {t("history.compare.submit")}
        </button>
      </fieldset>
    </Form>
  );
}
