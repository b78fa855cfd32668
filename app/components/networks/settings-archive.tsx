import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";

/**
 * Archiving, with a confirmation that says what it means (read-only, out of the directory), and
 * restoring an archived network.
 */
export function SettingsArchive(props: {
  archived: { at: string; label: string } | null;
  confirm: boolean;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const heading = useRef<HTMLHeadingElement>(null);
  const busy = (intent: string) =>
    navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  useEffect(() => {
    if (props.confirm) heading.current?.focus();
  }, [props.confirm]);

  if (props.archived) {
    return (
      <section
        aria-labelledby="settings-archived-heading"
        className="max-w-2xl space-y-3 rounded-lg border-2 border-slate-500 bg-slate-50 p-4"
      >
        <h3 id="settings-archived-heading" className="text-xl font-semibold">
          {t("networks.settings.archivedTitle")}
        </h3>
        <p>
          {t("networks.settings.archivedOn")}{" "}
          <time dateTime={props.archived.at}>{props.archived.label}</time>
        </p>
        <p>{t("networks.settings.archivedText")}</p>
        <Form method="post">
          <button
            type="submit"
            name="intent"
            value="restore"
            disabled={busy("restore")}
            className={buttonClass("primary")}
          >
            {t("networks.settings.restore")}
          </button>
        </Form>
      </section>
    );
  }

  return (
    <section aria-labelledby="settings-archive-heading" className="max-w-2xl space-y-3">
      <h3 id="settings-archive-heading" className="text-xl font-semibold">
        {t("networks.settings.archiveTitle")}
      </h3>
      <p>{t("networks.settings.archiveIntro")}</p>
      {props.confirm ? (
        <section
          aria-labelledby="settings-archive-confirm-heading"
          className="space-y-3 rounded-lg border-2 border-amber-600 bg-amber-50 p-4"
        >
          <h4
            id="settings-archive-confirm-heading"
            ref={heading}
            tabIndex={-1}
            className="text-lg font-semibold"
          >
            {t("networks.settings.confirmArchiveTitle")}
          </h4>
          <p>{t("networks.settings.confirmArchiveText")}</p>
          <div className="flex flex-wrap gap-3">
            <Form method="post">
              <button
                type="submit"
                name="intent"
                value="archive"
                disabled={busy("archive")}
                className={buttonClass("primary")}
              >
                {t("networks.settings.confirmArchiveSubmit")}
              </button>
            </Form>
            <Link to="?" className={buttonClass("secondary")}>
              {t("networks.settings.cancel")}
            </Link>
          </div>
        </section>
      ) : (
        <Link to="?confirm=archive" className={buttonClass("secondary")}>
          {t("networks.settings.archive")}
        </Link>
      )}
    </section>
  );
}
