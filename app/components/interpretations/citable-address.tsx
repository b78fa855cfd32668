import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "~/components/rich-text/use-hydrated";
import { buttonClass } from "~/components/ui/button";

/**
 * The version's permanent address in full, to cite in a decision or an e-mail. The copy button
 * appears once scripts run; without them the address is plain text to select.
 */
export function CitableAddress(props: { url: string }) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const [status, setStatus] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.url);
      setStatus(t("interpretations.citation.copied"));
    } catch {
      setStatus(t("interpretations.citation.copyFailed"));
    }
  };
  return (
    <section aria-labelledby="citable-address-heading" className="max-w-3xl space-y-2">
      <h2 id="citable-address-heading" className="text-lg font-semibold">
        {t("interpretations.citation.heading")}
      </h2>
      <p id="citable-address-hint" className="text-sm text-slate-700">
        {t("interpretations.citation.hint")}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <a
          href={props.url}
          className="break-all font-mono text-sm text-blue-800 underline underline-offset-2"
          aria-describedby="citable-address-hint"
        >
          {props.url}
        </a>
        {hydrated ? (
          <button type="button" className={buttonClass("secondary")} onClick={copy}>
            {t("interpretations.citation.copy")}
          </button>
        ) : null}
      </div>
      <p role="status" className="text-sm">
        {status}
      </p>
    </section>
  );
}
