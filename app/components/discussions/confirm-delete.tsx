import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";

/**
 * Asks before a post is deleted, in the page itself (no browser dialog, works without
 * JavaScript); takes the focus when it appears so keyboard and screen-reader users land on it.
 */
export function ConfirmDelete(props: {
  question: string;
  intent: "deleteThread" | "deleteReply";
  replyId?: string;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const ref = useRef<HTMLDivElement>(null);
  const deleting =
    navigation.state === "submitting" && navigation.formData?.get("intent") === props.intent;
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="space-y-3 rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-950"
    >
      <p className="font-medium">{props.question}</p>
      <Form method="post" className="flex flex-wrap gap-3">
        <input type="hidden" name="intent" value={props.intent} />
        {props.replyId ? <input type="hidden" name="replyId" value={props.replyId} /> : null}
        <button
          type="submit"
          disabled={deleting}
          className="inline-flex items-center justify-center rounded-md bg-red-800 px-4 py-2 font-medium text-white hover:bg-red-900 disabled:opacity-70"
        >
          {deleting
            ? t("discussions.confirmDelete.deleting")
            : t("discussions.confirmDelete.confirm")}
        </button>
        <Link to={props.cancelTo} preventScrollReset className={buttonClass("secondary")}>
          {t("discussions.confirmDelete.cancel")}
        </Link>
      </Form>
    </div>
  );
}
