/** The signed-in person's own profile (RLS lets everyone read and update their own row). */
import { type Locale, isLocale } from "./i18n";
import type { ProfileInput } from "./profile-form";
import type { RequestSupabase } from "./supabase.server";

export interface Profile {
  displayName: string;
  title: string | null;
  languages: string[];
  expertise: string[];
  preferredLocale: Locale;
  homeOrganisationId: string | null;
}

interface ProfileRow {
  display_name: string;
  title: string | null;
  languages: string[];
  expertise: string[];
  preferred_locale: string;
  home_organisation_id: string | null;
}

export async function getOwnProfile(
  supabase: RequestSupabase,
  userId: string,
): Promise<Profile | null> {
  const { data, error } = await supabase.client
    .from("profiles")
    .select("display_name, title, languages, expertise, preferred_locale, home_organisation_id")
    .eq("id", userId)
    .maybeSingle<ProfileRow>();
  if (error) throw error;
  if (!data) return null;
  return {
    displayName: data.display_name,
    title: data.title,
    languages: data.languages,
    expertise: data.expertise,
    preferredLocale: isLocale(data.preferred_locale) ? data.preferred_locale : "fi",
    homeOrganisationId: data.home_organisation_id,
  };
}

export async function updateOwnProfile(
  supabase: RequestSupabase,
  userId: string,
  input: ProfileInput,
): Promise<void> {
  const { error } = await supabase.client
    .from("profiles")
    .update({
      display_name: input.displayName,
      title: input.title,
      languages: input.languages,
      expertise: input.expertise,
      preferred_locale: input.preferredLocale,
    })
    .eq("id", userId);
  if (error) throw error;
}

/** The language a person chose for the interface, kept with their profile across devices. */
export async function preferredLocaleOf(
  supabase: RequestSupabase,
  userId: string,
): Promise<Locale | null> {
  const { data, error } = await supabase.client
    .from("profiles")
    .select("preferred_locale")
    .eq("id", userId)
    .maybeSingle<{ preferred_locale: string }>();
  if (error) throw error;
  return isLocale(data?.preferred_locale) ? data.preferred_locale : null;
}

export async function savePreferredLocale(
  supabase: RequestSupabase,
  userId: string,
  locale: Locale,
): Promise<void> {
  const { error } = await supabase.client
    .from("profiles")
    .update({ preferred_locale: locale })
    .eq("id", userId);
  if (error) throw error;
}
