import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";

/** The ten new recovery codes, shown this once, with ways to keep them. Takes the focus. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(`${codes.join("\n")}\n`)}`;
  return (
    <section
      aria-labelledby="recovery-codes-heading"
      className="space-y-3 rounded-lg border-2 border-amber-600 bg-white p-5"
    >
      <h2 id="recovery-codes-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold">
        {t("recoveryCodes.listTitle")}
      </h2>
      <p>{t("recoveryCodes.onceHint")}</p>
      <ol
        aria-label={t("recoveryCodes.listTitle")}
        className="grid grid-cols-2 gap-2 font-mono text-lg"
        data-testid="recovery-codes"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3 print:hidden">
        <a
          href={download}
          download="verkko-recovery-codes.txt"
          className={buttonClass("secondary")}
        >
          {t("recoveryCodes.download")}
        </a>
        <button type="button" onClick={() => window.print()} className={buttonClass("secondary")}>
          {t("recoveryCodes.print")}
        </button>
      </div>
    </section>
  );
}
