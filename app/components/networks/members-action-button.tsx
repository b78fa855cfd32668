import { Form, useNavigation } from "@remix-run/react";
import { type ButtonVariant, buttonClass } from "~/components/ui/button";

/** True while this page posts the given intent (about the given thing, when there is one). */
export function useSubmitting(intent: string, field?: [string, string]): boolean {
  const navigation = useNavigation();
  if (navigation.state !== "submitting" || navigation.formData?.get("intent") !== intent) {
    return false;
  }
  return field ? navigation.formData.get(field[0]) === field[1] : true;
}

/**
 * One button that posts one intent about one thing. The visible word comes first in its accessible
 * name (WCAG 2.5.3) and whom it concerns after it, for screen readers reading a list of buttons.
 */
export function MemberActionButton(props: {
  intent: string;
  /** The hidden field naming the thing, e.g. ["requestId", id]. */
  field: [string, string];
  label: string;
  about: string;
  variant?: ButtonVariant;
}) {
  const submitting = useSubmitting(props.intent, props.field);
  return (
    <Form method="post" className="inline">
      <input type="hidden" name={props.field[0]} value={props.field[1]} />
      <button
        type="submit"
        name="intent"
        value={props.intent}
        aria-label={`${props.label}: ${props.about}`}
        disabled={submitting}
        className={buttonClass(props.variant ?? "secondary")}
      >
        {props.label}
      </button>
    </Form>
  );
}
