/**
 * A network's overview: what is new since the person's previous visit, the latest threads, the
 * next meetings, open tasks (theirs first) and the newest members. Everything is read as the
 * person, in parallel; the visit is recorded by the database (record_network_visit), which also
 * answers when the previous one was (null for a first visit and for people who are not members).
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { z } from "zod";

const threadSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(["discussion", "question"]),
  reply_count: z.number(),
  answer_reply_id: z.string().nullable(),
  created_at: z.string(),
  last_activity_at: z.string(),
  author: z.object({ display_name: z.string() }).nullable(),
});

const meetingSchema = z.object({
  id: z.string(),
  title: z.string(),
  starts_at: z.string(),
  ends_at: z.string(),
  location: z.string().nullable(),
  video_url: z.string().nullable(),
  capacity: z.number().nullable(),
  registered_count: z.number(),
  cancelled_at: z.string().nullable(),
});

const registrationSchema = z.object({
  meeting_id: z.string(),
  status: z.enum(["registered", "waitlisted", "cancelled"]),
});

const taskSchema = z.object({
  id: z.string(),
  title: z.string(),
  due_date: z.string().nullable(),
  status: z.enum(["not_started", "in_progress", "done"]),
  owner_id: z.string().nullable(),
  owner: z.object({ display_name: z.string() }).nullable(),
});

const memberSchema = z.object({
  user_id: z.string(),
  role: z.enum(["coordinator", "member", "observer"]),
  joined_at: z.string(),
  profile: z.object({ display_name: z.string() }).nullable(),
});

const newsSchema = z.object({
  threads: z.number(),
  replies: z.number(),
  meetings: z.number(),
  members: z.number(),
});

export type OverviewThread = z.infer<typeof threadSchema>;
export type OverviewMeeting = z.infer<typeof meetingSchema> & {
  myRegistration: "registered" | "waitlisted" | null;
};
export type OverviewTask = z.infer<typeof taskSchema>;
export type OverviewMember = z.infer<typeof memberSchema>;
export type OverviewNews = z.infer<typeof newsSchema>;

export interface NetworkOverview {
  previousVisit: string | null;
  news: OverviewNews | null;
  threads: OverviewThread[];
  meetings: OverviewMeeting[];
  tasks: OverviewTask[];
  openTaskCount: number;
  members: OverviewMember[];
}

const taskLimit = 6;

function must<T>(result: { data: T | null; error: { message: string } | null }, what: string): T {
  if (result.error) throw new Error(`Loading ${what} failed: ${result.error.message}`);
  return result.data as T;
}

export async function networkOverview(
  client: SupabaseClient,
  options: { networkId: string; userId: string; isMember: boolean },
): Promise<NetworkOverview> {
  const { networkId, userId } = options;
  const now = new Date().toISOString();
  const [visit, threads, meetings, registrations, tasks, members] = await Promise.all([
    options.isMember
      ? client.rpc("record_network_visit", { network_id: networkId })
      : Promise.resolve({ data: null, error: null }),
    client
      .from("discussion_threads")
      .select(
        "id, title, kind, reply_count, answer_reply_id, created_at, last_activity_at, author:profiles!discussion_threads_author_id_fkey(display_name)",
      )
      .eq("network_id", networkId)
      .order("last_activity_at", { ascending: false })
      .limit(5),
    client
      .from("meetings")
      .select(
        "id, title, starts_at, ends_at, location, video_url, capacity, registered_count, cancelled_at",
      )
      .eq("network_id", networkId)
      .gte("ends_at", now)
      .order("starts_at", { ascending: true })
      .limit(3),
    client
      .from("meeting_registrations")
      .select("meeting_id, status")
      .eq("network_id", networkId)
      .eq("user_id", userId),
    client
      .from("tasks")
      .select(
        "id, title, due_date, status, owner_id, owner:profiles!tasks_owner_id_fkey(display_name)",
        { count: "exact" },
      )
      .eq("network_id", networkId)
      .neq("status", "done")
      .order("due_date", { ascending: true, nullsFirst: false })
      .limit(50),
    client
      .from("network_members")
      .select(
        "user_id, role, joined_at, profile:profiles!network_members_user_id_fkey(display_name)",
      )
      .eq("network_id", networkId)
      .order("joined_at", { ascending: false })
      .limit(5),
  ]);
  const previousVisit = z
    .string()
    .nullable()
    .parse(must(visit, "the previous visit") ?? null);
  const news = previousVisit
    ? newsSchema.parse(
        must(
          await client
            .rpc("network_news_since", { network_id: networkId, since: previousVisit })
            .single(),
          "what is new",
        ),
      )
    : null;
  const mine = new Map(
    z
      .array(registrationSchema)
      .parse(must(registrations, "registrations") ?? [])
      .map((registration) => [registration.meeting_id, registration.status] as const),
  );
  const openTasks = z.array(taskSchema).parse(must(tasks, "tasks") ?? []);
  // The person's own tasks first, each group by due date as the database ordered them.
  const ordered = [
    ...openTasks.filter((task) => task.owner_id === userId),
    ...openTasks.filter((task) => task.owner_id !== userId),
  ];
  return {
    previousVisit,
    news,
    threads: z.array(threadSchema).parse(must(threads, "threads") ?? []),
    meetings: z
      .array(meetingSchema)
      .parse(must(meetings, "meetings") ?? [])
      .map((meeting) => {
        const status = mine.get(meeting.id);
        return {
          ...meeting,
          myRegistration: status === "registered" || status === "waitlisted" ? status : null,
        };
      }),
    tasks: ordered.slice(0, taskLimit),
    openTaskCount: tasks.count ?? openTasks.length,
    members: z.array(memberSchema).parse(must(members, "members") ?? []),
  };
}
