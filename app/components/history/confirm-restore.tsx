import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";

/**
 * The question before a restore: it changes the text for everyone editing, so it takes a second,
 * deliberate step. The panel takes the focus so keyboard users land on the question.
 */
export function ConfirmRestore(props: { versionId: string; number: number; cancelTo: string }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formData?.get("intent") === "restore";
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby="confirm-restore-heading"
      className="space-y-3 rounded-lg border-l-4 border-amber-700 bg-amber-50 p-4 text-amber-950"
    >
      <h2 id="confirm-restore-heading" className="text-xl font-semibold">
        {t("history.restore.confirmHeading", { number: props.number })}
      </h2>
      <p>{t("history.restore.confirmText", { number: props.number })}</p>
      <Form method="post" className="flex flex-wrap gap-3">
        <input type="hidden" name="intent" value="restore" />
        <input type="hidden" name="versionId" value={props.versionId} />
        <button type="submit" className={buttonClass("primary")} disabled={pending}>
          {t("history.restore.confirm", { number: props.number })}
        </button>
        <Link to={props.cancelTo} className={buttonClass("secondary")} preventScrollReset>
          {t("history.restore.cancel")}
        </Link>
      </Form>
    </section>
  );
}
