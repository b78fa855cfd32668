/** The notification page's paging cursor and form, shared by its loader, action and component. */
import { z } from "zod";

export const notificationPageSize = 30;

/** Where a page of older notifications starts: just after this one, in newest-first order. */
export interface NotificationCursor {
  createdAt: string;
  id: string;
}

// A timestamp as PostgREST writes timestamptz (e.g. 2025-11-24T08:15:00.123456+00:00).
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

const cursorSchema = z.object({
  createdAt: z.string().regex(timestampPattern),
  id: z.string().uuid(),
});

/** `?before=<created_at>_<id>` as a cursor; anything else means the newest page. */
export function parseCursor(value: string | null): NotificationCursor | null {
  if (!value) return null;
  const separator = value.lastIndexOf("_");
  const parsed = cursorSchema.safeParse({
    createdAt: value.slice(0, separator),
    id: value.slice(separator + 1),
  });
  return separator > 0 && parsed.success ? parsed.data : null;
}

export function formatCursor(cursor: NotificationCursor): string {
  return `${cursor.createdAt}_${cursor.id}`;
}

export const notificationActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("markAllRead") }),
    z.object({
      intent: z.literal("saveDigest"),
      // A checkbox: "on" when ticked, absent when not.
      dailyDigest: z
        .literal("on", { message: "invalid" })
        .optional()
        .transform((value) => value === "on"),
    }),
  ],
  { errorMap: () => ({ message: "invalid" }) },
);
export type NotificationAction = z.output<typeof notificationActionSchema>;
