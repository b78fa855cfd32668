/**
 * Organisations and their e-mail domains for platform admins. RLS lets only a platform admin at
 * aal2 write them, and triggers audit every change; this module asks and reports the answer.
 */
import type { PostgrestError } from "@supabase/supabase-js";
import type { OrganisationInput, OrganisationKind } from "./platform-admin-form";
import type { RequestSupabase } from "./supabase.server";

export interface PlatformOrganisation {
  id: string;
  nameFi: string;
  nameSv: string | null;
  kind: OrganisationKind;
  parentId: string | null;
  domains: string[];
}

interface OrganisationRow {
  id: string;
  name_fi: string;
  name_sv: string | null;
  kind: OrganisationKind;
  parent_id: string | null;
  organisation_domains: { domain: string }[];
}

export async function listOrganisations(
  supabase: RequestSupabase,
): Promise<PlatformOrganisation[]> {
  const { data, error } = await supabase.client
    .from("organisations")
    .select("id, name_fi, name_sv, kind, parent_id, organisation_domains(domain)")
    .order("name_fi")
    .returns<OrganisationRow[]>();
  if (error) throw error;
  return data.map((row) => ({
    id: row.id,
    nameFi: row.name_fi,
    nameSv: row.name_sv,
    kind: row.kind,
    parentId: row.parent_id,
    domains: row.organisation_domains.map((each) => each.domain).sort(),
  }));
}

function columns(input: OrganisationInput) {
  return {
    name_fi: input.nameFi,
    name_sv: input.nameSv,
    kind: input.kind,
    parent_id: input.parentId,
  };
}

export async function createOrganisation(
  supabase: RequestSupabase,
  input: OrganisationInput,
): Promise<PostgrestError | null> {
  const { error } = await supabase.client.from("organisations").insert(columns(input));
  return error;
}

/** A refusal by RLS updates no row and reports no error; that is reported as not found. */
export async function updateOrganisation(
  supabase: RequestSupabase,
  id: string,
  input: OrganisationInput,
): Promise<PostgrestError | { code: string } | null> {
  const { data, error } = await supabase.client
    .from("organisations")
    .update(columns(input))
    .eq("id", id)
    .select("id");
  if (error) return error;
  return data.length === 0 ? { code: "P0002" } : null;
}

export async function addDomain(
  supabase: RequestSupabase,
  organisationId: string,
  domain: string,
): Promise<PostgrestError | null> {
  const { error } = await supabase.client
    .from("organisation_domains")
    .insert({ organisation_id: organisationId, domain });
  return error;
}

export async function removeDomain(
  supabase: RequestSupabase,
  domain: string,
): Promise<PostgrestError | { code: string } | null> {
  const { data, error } = await supabase.client
    .from("organisation_domains")
    .delete()
    .eq("domain", domain)
    .select("domain");
  if (error) return error;
  return data.length === 0 ? { code: "P0002" } : null;
}
