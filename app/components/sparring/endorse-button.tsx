import { useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import type { SparringRefusal } from "~/lib/sparring-question.server";
import { refusalMessage } from "./refusal-message";

/**
 * A lawyer's endorsement of someone else's answer, or its withdrawal. It posts without leaving
 * the page and shows the new state at once; the page's data then reloads with the database's
 * answer (endorse_sparring_answer decides who may endorse).
 */
export function EndorseButton(props: { answerId: string; endorsed: boolean }) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ refusal?: SparringRefusal | null }>();
  const pending = fetcher.formData?.get("intent");
  const endorsed = pending ? pending === "endorse" : props.endorsed;
  const refusal = fetcher.state === "idle" ? fetcher.data?.refusal : null;
  return (
    <fetcher.Form method="post" className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="intent" value={endorsed ? "unendorse" : "endorse"} />
      <input type="hidden" name="answerId" value={props.answerId} />
      <button
        type="submit"
        className={buttonClass("secondary")}
        disabled={fetcher.state !== "idle"}
      >
        {endorsed ? t("sparringQuestion.answers.unendorse") : t("sparringQuestion.answers.endorse")}
      </button>
      {refusal ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {refusalMessage(t, refusal, {
            forbidden: t("sparringQuestion.refusals.endorseForbidden"),
          })}
        </p>
      ) : null}
    </fetcher.Form>
  );
}
