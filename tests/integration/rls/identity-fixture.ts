/**
 * Who is who in the identity RLS tests: three organisations and people in every state, created
 * through auth.users so the sign-up trigger makes their profiles and memberships, then decided
 * as an admin would. Runs as the owner before the tests.
 */
import type { Claims } from "../../../server/embedded/db";

export const organisations = {
  tampere: "e0000000-0000-4000-8000-000000000001",
  helsinki: "e0000000-0000-4000-8000-000000000002",
  spare: "e0000000-0000-4000-8000-000000000003",
} as const;

export const people = {
  pekka: "f0000000-0000-4000-8000-000000000001", // pending at Tampere
  aino: "f0000000-0000-4000-8000-000000000002", // active member at Tampere, has a TOTP factor
  olli: "f0000000-0000-4000-8000-000000000003", // active member at Helsinki
  anna: "f0000000-0000-4000-8000-000000000004", // admin of Tampere, has a TOTP factor
  paula: "f0000000-0000-4000-8000-000000000005", // platform admin, member at Helsinki
  dave: "f0000000-0000-4000-8000-000000000006", // deactivated at Tampere
  rita: "f0000000-0000-4000-8000-000000000007", // rejected at Tampere
  nobody: "f0000000-0000-4000-8000-000000000008", // no organisation matched
  eero: "f0000000-0000-4000-8000-000000000009", // second platform admin, member at Helsinki
} as const;

export type Person = keyof typeof people;

const emails: Record<Person, string> = {
  pekka: "pekka@tampere.test",
  aino: "aino@tampere.test",
  olli: "olli@helsinki.test",
  anna: "anna@tampere.test",
  paula: "paula@helsinki.test",
  dave: "dave@tampere.test",
  rita: "rita@tampere.test",
  nobody: "nobody@elsewhere.test",
  eero: "eero@helsinki.test",
};

const userRows = (Object.keys(people) as Person[])
  .map(
    (person) =>
      `('${people[person]}', 'authenticated', 'authenticated', '${emails[person]}', '{"full_name":"${person}"}')`,
  )
  .join(",\n  ");

export const identityFixtureSql = `
insert into public.organisations (id, name_fi, name_sv, kind) values
  ('${organisations.tampere}', 'Tampereen työllisyysalue', 'Tammerfors sysselsättningsområde', 'employment_area'),
  ('${organisations.helsinki}', 'Helsingin työllisyysalue', 'Helsingfors sysselsättningsområde', 'employment_area'),
  ('${organisations.spare}', 'Varaorganisaatio', null, 'ngo');
insert into public.organisation_domains (domain, organisation_id) values
  ('tampere.test', '${organisations.tampere}'),
  ('helsinki.test', '${organisations.helsinki}'),
  ('spare.test', '${organisations.spare}');

insert into auth.users (id, aud, role, email, raw_user_meta_data) values
  ${userRows};

update public.organisation_members set status = 'active'
  where user_id in ('${people.aino}', '${people.olli}', '${people.anna}', '${people.paula}', '${people.eero}');
update public.organisation_members set role = 'admin' where user_id = '${people.anna}';
update public.organisation_members set status = 'deactivated' where user_id = '${people.dave}';
update public.organisation_members set status = 'rejected' where user_id = '${people.rita}';
insert into public.platform_admins (user_id) values ('${people.paula}'), ('${people.eero}');

insert into auth.mfa_factors (user_id, friendly_name, factor_type, status)
  values ('${people.aino}', 'phone', 'totp', 'verified'), ('${people.anna}', 'phone', 'totp', 'verified');
insert into private.mfa_recovery_codes (user_id, code_hash)
  values ('${people.aino}', private.recovery_code_hash('aaaa-bbbb-cccc'));

insert into public.audit_log (actor_id, action, target_type, target_id, organisation_id) values
  ('${people.anna}', 'membership.approved', 'user', '${people.aino}', '${organisations.tampere}'),
  ('${people.paula}', 'membership.approved', 'user', '${people.olli}', '${organisations.helsinki}');
`;

/** The actors every table is tried with. */
export const actors = {
  anon: { role: "anon" },
  pending: { role: "authenticated", sub: people.pekka, aal: "aal1" },
  member: { role: "authenticated", sub: people.aino, aal: "aal1" },
  otherOrganisation: { role: "authenticated", sub: people.olli, aal: "aal1" },
  orgAdmin: { role: "authenticated", sub: people.anna, aal: "aal2" },
  orgAdminAal1: { role: "authenticated", sub: people.anna, aal: "aal1" },
  platformAdmin: { role: "authenticated", sub: people.paula, aal: "aal2" },
} satisfies Record<string, Claims>;

export type Actor = keyof typeof actors;

export function claimsOf(person: Person, aal: "aal1" | "aal2" = "aal1"): Claims {
  return { role: "authenticated", sub: people[person], aal };
}

/** Ids and keys back to the names above, so expectations read as names. */
const names = new Map<string, string>([
  ...Object.entries(organisations).map(([name, id]) => [id, name] as [string, string]),
  ...Object.entries(people).map(([name, id]) => [id, name] as [string, string]),
]);

export function nameOf(value: unknown): string {
  if (value === null || value === undefined) return "none";
  const text = String(value);
  return names.get(text) ?? text;
}
