/** Organisations as the sign-up page and the waiting page see them (no sign-in needed). */
import type { Locale } from "./i18n";
import type { RequestSupabase } from "./supabase.server";

export interface OrganisationOption {
  id: string;
  name: string;
}

interface OrganisationNames {
  id: string;
  name_fi: string;
  name_sv: string | null;
}

/** The organisation's name in the reader's language: Swedish when there is one, else Finnish. */
export function organisationName(row: { name_fi: string; name_sv: string | null }, locale: Locale) {
  return locale === "sv" && row.name_sv ? row.name_sv : row.name_fi;
}

export async function listOrganisationsForSignup(
  supabase: RequestSupabase,
  locale: Locale,
): Promise<OrganisationOption[]> {
  const { data, error } = await supabase.client.rpc("list_organisations_for_signup");
  if (error) throw error;
  return (data as OrganisationNames[])
    .map((row) => ({ id: row.id, name: organisationName(row, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** The organisation that owns the e-mail address's domain, if any. */
export async function organisationForEmail(
  supabase: RequestSupabase,
  email: string,
  locale: Locale,
): Promise<OrganisationOption | null> {
  const { data, error } = await supabase.client.rpc("organisation_for_email", { email });
  if (error) throw error;
  const row = (data as OrganisationNames[])[0];
  return row ? { id: row.id, name: organisationName(row, locale) } : null;
}

/** Asks to join `organisationId` (the database refuses it for someone already active). */
export async function requestMembership(
  supabase: RequestSupabase,
  organisationId: string,
): Promise<{ code?: string; hint?: string; message?: string } | null> {
  const { error } = await supabase.client.rpc("request_membership", {
    organisation_id: organisationId,
  });
  return error;
}
