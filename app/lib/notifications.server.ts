/**
 * The signed-in person's notifications, through their own supabase-js client: RLS shows each
 * person only their own, and only while they are an active member.
 */
import {
  type NotificationData,
  type NotificationKind,
  isNotificationKind,
  parseNotificationData,
} from "./notification-text";
import { type NotificationCursor, notificationPageSize } from "./notifications-page";
import type { RequestSupabase } from "./supabase.server";

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  link: string;
  data: NotificationData;
  createdAt: string;
  read: boolean;
}

interface StoredNotification {
  id: string;
  kind: string;
  link: string;
  data: unknown;
  created_at: string;
  read_at: string | null;
}

/** How many of the caller's notifications are unread. */
export async function unreadNotificationCount(supabase: RequestSupabase): Promise<number> {
  const { count, error } = await supabase.client
    .from("notifications")
    .select("id", { count: "exact", head: true })
    .is("read_at", null);
  if (error) throw error;
  return count ?? 0;
}

/** One page, newest first, starting after `before`; `hasOlder` when another page follows. */
export async function notificationPage(
  supabase: RequestSupabase,
  before: NotificationCursor | null,
): Promise<{ notifications: NotificationRow[]; hasOlder: boolean }> {
  let query = supabase.client
    .from("notifications")
    .select("id, kind, link, data, created_at, read_at")
    .order("created_at", { ascending: false })
    .order("id", { ascending: false })
    .limit(notificationPageSize + 1);
  if (before) {
    // Quoted: a timestamp's ":" and "+" would otherwise be read as syntax of the filter.
    const at = `"${before.createdAt}"`;
    query = query.or(`created_at.lt.${at},and(created_at.eq.${at},id.lt.${before.id})`);
  }
  const { data, error } = await query.returns<StoredNotification[]>();
  if (error) throw error;
  const rows = (data ?? []).filter((row) => isNotificationKind(row.kind));
  return {
    notifications: rows.slice(0, notificationPageSize).map((row) => ({
      id: row.id,
      kind: row.kind as NotificationKind,
      link: row.link,
      data: parseNotificationData(row.data),
      createdAt: row.created_at,
      read: row.read_at !== null,
    })),
    hasOlder: (data ?? []).length > notificationPageSize,
  };
}

/** Marks the caller's notifications read (`ids`, or all when null); how many changed. */
export async function markNotificationsRead(
  supabase: RequestSupabase,
  ids: string[] | null,
): Promise<number> {
  const { data, error } = await supabase.client.rpc("mark_notifications_read", { ids });
  if (error) throw error;
  return typeof data === "number" ? data : 0;
}

/** The caller's notification `id` marked read, with the link to follow; null when not theirs. */
export async function openNotification(
  supabase: RequestSupabase,
  id: string,
): Promise<{ link: string } | null> {
  const { data, error } = await supabase.client
    .from("notifications")
    .select("link")
    .eq("id", id)
    .maybeSingle<{ link: string }>();
  if (error) throw error;
  if (!data) return null;
  await markNotificationsRead(supabase, [id]);
  return { link: data.link };
}

/** Whether the caller gets the daily digest (on unless they turned it off). */
export async function dailyDigestEnabled(
  supabase: RequestSupabase,
  userId: string,
): Promise<boolean> {
  const { data, error } = await supabase.client
    .from("notification_preferences")
    .select("daily_digest")
    .eq("user_id", userId)
    .maybeSingle<{ daily_digest: boolean }>();
  if (error) throw error;
  return data?.daily_digest ?? true;
}

export async function setDailyDigest(supabase: RequestSupabase, enabled: boolean): Promise<void> {
  const { error } = await supabase.client.rpc("set_daily_digest", { enabled });
  if (error) throw error;
}
