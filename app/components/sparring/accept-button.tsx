import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";

/** The asker accepts an answer, which resolves the question (accept_sparring_answer decides). */
export function AcceptButton(props: { answerId: string }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const accepting =
    navigation.state === "submitting" &&
    navigation.formData?.get("intent") === "accept" &&
    navigation.formData?.get("answerId") === props.answerId;
  const hintId = `accept-hint-${props.answerId}`;
  return (
    <Form method="post" className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="intent" value="accept" />
      <input type="hidden" name="answerId" value={props.answerId} />
      <button
        type="submit"
        className={buttonClass("secondary")}
        disabled={navigation.state !== "idle"}
        aria-describedby={hintId}
      >
        {accepting ? t("sparringQuestion.answers.accepting") : t("sparringQuestion.answers.accept")}
      </button>
      <span id={hintId} className="text-sm text-slate-700">
        {t("sparringQuestion.answers.acceptHint")}
      </span>
    </Form>
  );
}
