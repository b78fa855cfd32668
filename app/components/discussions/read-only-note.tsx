import { useTranslation } from "react-i18next";
import { Notice } from "~/components/forms/notice";

export type ReadOnlyReason = "archived" | "observer" | "notMember";

/** Why the person sees no writing controls here. */
export function ReadOnlyNote(props: { reason: ReadOnlyReason }) {
  const { t } = useTranslation();
  return <Notice tone="info">{t(`discussions.readOnly.${props.reason}`)}</Notice>;
}
