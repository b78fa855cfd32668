import { Link, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/components/forms/error-summary";
import { Notice } from "~/components/forms/notice";
import type { RestoreStatus } from "~/lib/document-history";

const pollEveryMs = 1000;
/** The collab server applies a restore within a second or two; past this, say it is slow. */
const giveUpAfterMs = 15_000;

/**
 * Where a requested restore stands. The collab server applies it asynchronously, so while it is
 * pending the page reloads its data every second (which also brings the new version into the
 * list), for up to 15 seconds. Without scripts, the "check again" link does the same.
 */
export function RestoreProgress(props: { status: RestoreStatus; checkAgainHref: string }) {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  // The revalidator changes with every poll; the timer must not restart with it.
  const latestRevalidator = useRef(revalidator);
  latestRevalidator.current = revalidator;
  const { status } = props;
  const [slow, setSlow] = useState(false);
  const pending = status.state === "pending";

  useEffect(() => {
    if (!pending) return;
    const startedAt = Date.now();
    const timer = window.setInterval(() => {
      if (Date.now() - startedAt > giveUpAfterMs) {
        window.clearInterval(timer);
        setSlow(true);
        return;
      }
      const current = latestRevalidator.current;
      if (current.state === "idle") current.revalidate();
    }, pollEveryMs);
    return () => window.clearInterval(timer);
  }, [pending]);

  if (status.state === "failed") {
    return (
      <ErrorSummary
        title={t("history.restore.failedTitle")}
        formError={{
          id: "restore-error",
          message: t("history.restore.failed", {
            number: status.versionNumber,
            failure: status.failure,
          }),
        }}
      />
    );
  }
  if (status.state === "applied") {
    return (
      <Notice tone="success">
        {t("history.restore.applied", { number: status.versionNumber })}
      </Notice>
    );
  }
  return (
    <Notice tone={slow ? "warning" : "info"}>
      <p>{t("history.restore.pending", { number: status.versionNumber })}</p>
      <p className="mt-2">
        {slow ? `${t("history.restore.slow")} ` : null}
        <Link to={props.checkAgainHref} reloadDocument className="underline underline-offset-2">
          {t("history.restore.checkAgain")}
        </Link>
      </p>
    </Notice>
  );
}
