import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import { useSubmitting } from "./members-action-button";

/** "Remove this person?" — the second step of removing a member, focused when it appears. */
export function MembersConfirmRemove(props: {
  member: { userId: string; name: string };
  filter: string;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const submitting = useSubmitting("remove", ["userId", props.member.userId]);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const cancel = props.filter ? `?${new URLSearchParams({ q: props.filter })}` : "?";
  return (
    <section
      aria-labelledby="confirm-remove-heading"
      className="space-y-3 rounded-lg border-2 border-amber-600 bg-amber-50 p-4"
    >
      <h3 id="confirm-remove-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold">
        {t("networks.members.confirmRemoveTitle", { name: props.member.name })}
      </h3>
      <p>{t("networks.members.confirmRemoveText")}</p>
      <div className="flex flex-wrap gap-3">
        <Form method="post">
          <input type="hidden" name="userId" value={props.member.userId} />
          <button
            type="submit"
            name="intent"
            value="remove"
            disabled={submitting}
            className={buttonClass("primary")}
          >
            {t("networks.members.confirmRemoveSubmit")}
          </button>
        </Form>
        <Link to={cancel} className={buttonClass("secondary")}>
          {t("networks.members.cancel")}
        </Link>
      </div>
    </section>
  );
}
