/**
 * The organisation admin console. Every read is filtered by RLS and every change is a function
 * in the database that checks the caller (admin of that organisation, aal2) and writes the audit
 * log; this module only asks and reports the answer.
 */
import type { PostgrestError } from "@supabase/supabase-js";
import type { Locale } from "./i18n";
import { type MemberAction, auditPageSize } from "./organisation-admin";
import { organisationName } from "./organisations.server";
import type { RequestSupabase } from "./supabase.server";

export interface AdministeredOrganisation {
  id: string;
  name: string;
}

/** The organisations where the caller is an active admin (their own membership rows). */
export async function administeredOrganisations(
  supabase: RequestSupabase,
  userId: string,
  locale: Locale,
): Promise<AdministeredOrganisation[]> {
  const { data, error } = await supabase.client
    .from("organisation_members")
    .select("organisation_id, organisations(name_fi, name_sv)")
    .eq("user_id", userId)
    .eq("role", "admin")
    .eq("status", "active")
    .returns<
      {
        organisation_id: string;
        organisations: { name_fi: string; name_sv: string | null } | null;
      }[]
    >();
  if (error) throw error;
  return data.map((row) => ({
    id: row.organisation_id,
    name: row.organisations ? organisationName(row.organisations, locale) : row.organisation_id,
  }));
}

export interface Member {
  userId: string;
  name: string;
  title: string | null;
  role: "member" | "admin";
  status: "pending" | "active" | "deactivated" | "rejected";
  requestedAt: string;
}

interface MemberRow {
  user_id: string;
  role: Member["role"];
  status: Member["status"];
  requested_at: string;
  profiles: { display_name: string; title: string | null } | null;
}

export async function organisationMembers(
  supabase: RequestSupabase,
  organisationId: string,
): Promise<Member[]> {
  const { data, error } = await supabase.client
    .from("organisation_members")
    .select("user_id, role, status, requested_at, profiles(display_name, title)")
    .eq("organisation_id", organisationId)
    .order("requested_at", { ascending: false })
    .returns<MemberRow[]>();
  if (error) throw error;
  return data
    .map((row) => ({
      userId: row.user_id,
      name: row.profiles?.display_name || row.user_id,
      title: row.profiles?.title ?? null,
      role: row.role,
      status: row.status,
      requestedAt: row.requested_at,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "fi"));
}

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  actorId: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

interface AuditRow {
  id: number;
  at: string;
  action: string;
  actor_id: string | null;
  target_id: string | null;
  details: Record<string, unknown> | null;
}

/** One page of the organisation's audit log, newest first, and how many entries there are. */
export async function auditLogPage(
  supabase: RequestSupabase,
  organisationId: string,
  page: number,
): Promise<{ entries: AuditEntry[]; total: number }> {
  const from = page * auditPageSize;
  const { data, error, count } = await supabase.client
    .from("audit_log")
    .select("id, at, action, actor_id, target_id, details", { count: "exact" })
    .eq("organisation_id", organisationId)
    .order("at", { ascending: false })
    .order("id", { ascending: false })
    .range(from, from + auditPageSize - 1)
    .returns<AuditRow[]>();
  if (error) throw error;
  return {
    total: count ?? data.length,
    entries: data.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      actorId: row.actor_id,
      targetId: row.target_id,
      details: row.details ?? {},
    })),
  };
}

/** Display names of the people the caller may see, for the audit log's actors and targets. */
export async function displayNames(
  supabase: RequestSupabase,
  ids: string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (unique.length === 0) return new Map();
  const { data, error } = await supabase.client
    .from("profiles")
    .select("id, display_name")
    .in("id", unique)
    .returns<{ id: string; display_name: string }[]>();
  if (error) throw error;
  return new Map(data.map((row) => [row.id, row.display_name]));
}

/** Runs one admin action on a membership; the database's refusal comes back as it is. */
export async function runMemberAction(
  supabase: RequestSupabase,
  action: MemberAction,
  userId: string,
  organisationId: string,
): Promise<PostgrestError | null> {
  const target = { user_id: userId, organisation_id: organisationId };
  const call = () => {
    switch (action) {
      case "approve":
        return supabase.client.rpc("approve_membership", target);
      case "reject":
        return supabase.client.rpc("reject_membership", target);
      case "deactivate":
        return supabase.client.rpc("deactivate_member", target);
      case "reactivate":
        return supabase.client.rpc("reactivate_member", target);
      case "makeAdmin":
        return supabase.client.rpc("set_member_role", { ...target, role: "admin" });
      case "makeMember":
        return supabase.client.rpc("set_member_role", { ...target, role: "member" });
      case "resetMfa":
        return supabase.client.rpc("reset_member_mfa", { user_id: userId });
    }
  };
  const { error } = await call();
  return error;
}
