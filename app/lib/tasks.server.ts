/**
 * A network's tasks. RLS decides everything: readers of the network see its tasks, coordinators
 * and members create them, a task's owner and creator (and the coordinators) change them, and the
 * database checks that an owner is a member. This module asks and reports the answer.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import type { DbErrorLike } from "./db-errors";
import { expectOneRow } from "./meetings.server";
import type { TaskFields, TaskFilter, TaskStatus } from "./task-form";

export interface Task {
  id: string;
  title: string;
  description: string;
  ownerId: string | null;
  ownerName: string | null;
  createdBy: string;
  creatorName: string | null;
  dueDate: string | null;
  status: TaskStatus;
  completedAt: string | null;
  createdAt: string;
}

interface TaskRow {
  id: string;
  title: string;
  description: string;
  owner_id: string | null;
  created_by: string;
  due_date: string | null;
  status: TaskStatus;
  completed_at: string | null;
  created_at: string;
  owner: { display_name: string } | null;
  creator: { display_name: string } | null;
}

export const tasksLimit = 500;

/**
 * The network's tasks for a filter, by due date (undated last), then newest first.
 * "mine" is the caller's own tasks; "open" everything not done.
 */
export async function listTasks(
  client: SupabaseClient,
  networkId: string,
  userId: string,
  filter: TaskFilter,
): Promise<Task[]> {
  let query = client
    .from("tasks")
    .select(
      "id, title, description, owner_id, created_by, due_date, status, completed_at, created_at, owner:profiles!tasks_owner_id_fkey(display_name), creator:profiles!tasks_created_by_fkey(display_name)",
    )
    .eq("network_id", networkId);
  if (filter === "mine") query = query.eq("owner_id", userId);
  if (filter === "open") query = query.neq("status", "done");
  if (filter === "done") query = query.eq("status", "done");
  const { data, error } = await query
    .order("due_date", { ascending: true, nullsFirst: false })
    .order("created_at", { ascending: false })
    .limit(tasksLimit)
    .returns<TaskRow[]>();
  if (error) throw error;
  return data.map((row) => ({
    id: row.id,
    title: row.title,
    description: row.description,
    ownerId: row.owner_id,
    ownerName: row.owner?.display_name ?? null,
    createdBy: row.created_by,
    creatorName: row.creator?.display_name ?? null,
    dueDate: row.due_date,
    status: row.status,
    completedAt: row.completed_at,
    createdAt: row.created_at,
  }));
}

export interface PossibleOwner {
  userId: string;
  name: string;
}

/** The network's coordinators and members (observers cannot own tasks), by name. */
export async function possibleTaskOwners(
  client: SupabaseClient,
  networkId: string,
): Promise<PossibleOwner[]> {
  const { data, error } = await client
    .from("network_members")
    .select("user_id, profiles!network_members_user_id_fkey(display_name)")
    .eq("network_id", networkId)
    .in("role", ["coordinator", "member"])
    .returns<{ user_id: string; profiles: { display_name: string } | null }[]>();
  if (error) throw error;
  return data
    .map((row) => ({ userId: row.user_id, name: row.profiles?.display_name || row.user_id }))
    .sort((a, b) => a.name.localeCompare(b.name, "fi"));
}

function fieldsRow(fields: TaskFields) {
  return {
    title: fields.title,
    description: fields.description,
    owner_id: fields.ownerId,
    due_date: fields.dueDate,
  };
}

export async function createTask(
  client: SupabaseClient,
  networkId: string,
  fields: TaskFields,
): Promise<{ id: string } | { error: DbErrorLike }> {
  const { data, error } = await client
    .from("tasks")
    .insert({ network_id: networkId, ...fieldsRow(fields) })
    .select("id")
    .single<{ id: string }>();
  if (error) return { error };
  return { id: data.id };
}

export async function updateTask(
  client: SupabaseClient,
  networkId: string,
  taskId: string,
  fields: TaskFields,
): Promise<DbErrorLike | null> {
  return expectOneRow(
    await client
      .from("tasks")
      .update(fieldsRow(fields))
      .eq("id", taskId)
      .eq("network_id", networkId)
      .select("id"),
  );
}

/** Moves a task to another status; the database stamps completion. */
export async function setTaskStatus(
  client: SupabaseClient,
  networkId: string,
  taskId: string,
  status: TaskStatus,
): Promise<DbErrorLike | null> {
  return expectOneRow(
    await client
      .from("tasks")
      .update({ status })
      .eq("id", taskId)
      .eq("network_id", networkId)
      .select("id"),
  );
}

export async function deleteTask(
  client: SupabaseClient,
  networkId: string,
  taskId: string,
): Promise<DbErrorLike | null> {
  return expectOneRow(
    await client.from("tasks").delete().eq("id", taskId).eq("network_id", networkId).select("id"),
  );
}
