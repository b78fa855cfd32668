import { useNavigation } from "@remix-run/react";
import type { PublishingIntent } from "~/lib/publishing-form";

/** Whether a form of this intent is being sent (or its result loaded), for pending buttons. */
export function usePendingIntent(intent: PublishingIntent): {
  pending: boolean;
  value: string | null;
} {
  const navigation = useNavigation();
  const pending = navigation.state !== "idle" && navigation.formData?.get("intent") === intent;
  const value = pending ? navigation.formData?.get("decision") : null;
  return { pending, value: typeof value === "string" ? value : null };
}
