-- Recovery codes for two-step authentication, and the admin's MFA reset.
--
-- Supabase Auth has no recovery codes, so they live here (docs/decisions/005): ten one-time
-- codes made right after a verified TOTP challenge, stored only as sha256 of the normalised code.
-- Redeeming one at aal1 deletes the caller's TOTP factors, so the session needs no second step
-- and the person enrols again. An organisation admin (or platform admin) at aal2 can reset a
-- member's MFA the same way. All of it is audited.

create table private.mfa_recovery_codes (
  user_id uuid not null references auth.users (id) on delete cascade,
  -- sha256 hex of the code lower-cased with everything but letters and digits removed.
  code_hash text not null check (code_hash ~ '^[0-9a-f]{64}$'),
  used_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (user_id, code_hash)
);

-- Lower-case, letters and digits only: "ABCD-1234 ef56" and "abcd1234ef56" are the same code.
create function private.recovery_code_hash(code text) returns text
language sql immutable
set search_path = ''
as $$
  select encode(sha256(convert_to(regexp_replace(lower(coalesce(code, '')), '[^0-9a-z]', '', 'g'), 'UTF8')), 'hex')
$$;

create function private.has_verified_factor(person uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from auth.mfa_factors as factor where factor.user_id = person and factor.status = 'verified'
  )
$$;

-- Only right after a verified second factor (aal2): replaces the caller's codes with ten new
-- ones and returns them, the only time they are ever readable.
create function public.generate_recovery_codes() returns setof text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  codes text[];
begin
  if caller is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  if not private.is_aal2() then
    raise exception 'recovery codes are made right after verifying your second factor'
      using errcode = '42501', hint = 'the session is at aal1; this needs aal2';
  end if;
  if not private.has_verified_factor(caller) then
    raise exception 'enrol an authenticator app first' using errcode = '42501';
  end if;

  -- 12 hex digits (48 random bits) of a version 4 UUID each, written as xxxx-xxxx-xxxx.
  select array_agg(
    regexp_replace(left(replace(gen_random_uuid()::text, '-', ''), 12), '^(.{4})(.{4})(.{4})$', '\1-\2-\3')
  )
  into codes
  from generate_series(1, 10);

  delete from private.mfa_recovery_codes as old_code where old_code.user_id = caller;
  insert into private.mfa_recovery_codes (user_id, code_hash)
  select caller, private.recovery_code_hash(code) from unnest(codes) as code;

  perform private.record_audit(
    'mfa.recovery_codes_generated', 'user', caller::text, private.home_organisation_of(caller),
    jsonb_build_object('count', array_length(codes, 1))
  );
  return query select unnest(codes);
end;
$$;

-- At sign-in, instead of the TOTP code: true when `code` is one of the caller's unused codes,
-- which is then used up and the caller's TOTP factors deleted (enrol again next). False, and an
-- audited failure, otherwise. More than ten failures in 15 minutes: PT429 (HTTP 429).
create function public.redeem_recovery_code(code text) returns boolean
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  organisation uuid;
  factors_deleted integer;
begin
  if caller is null then
    raise exception 'sign in with your password first' using errcode = '42501';
  end if;
  organisation := private.home_organisation_of(caller);
  if (
    select count(*) from public.audit_log as entry
    where entry.actor_id = caller
      and entry.action = 'mfa.recovery_code_failed'
      and entry.at > now() - interval '15 minutes'
  ) >= 10 then
    raise exception 'too many wrong recovery codes; try again in 15 minutes' using errcode = 'PT429';
  end if;

  if private.has_verified_factor(caller) then
    update private.mfa_recovery_codes as stored
    set used_at = now()
    where stored.user_id = caller
      and stored.code_hash = private.recovery_code_hash(redeem_recovery_code.code)
      and stored.used_at is null;
    if found then
      delete from auth.mfa_factors as factor where factor.user_id = caller;
      get diagnostics factors_deleted = row_count;
      perform private.record_audit(
        'mfa.recovery_code_used', 'user', caller::text, organisation,
        jsonb_build_object('factors_deleted', factors_deleted)
      );
      return true;
    end if;
  end if;

  perform private.record_audit(
    'mfa.recovery_code_failed', 'user', caller::text, organisation, '{}'::jsonb
  );
  return false;
end;
$$;

-- For a member who lost their authenticator and their codes: an admin of an organisation the
-- member belongs to (any status), or a platform admin, at aal2.
create function public.reset_member_mfa(user_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  person uuid := reset_member_mfa.user_id;
  organisation uuid;
  factors_deleted integer;
  codes_deleted integer;
begin
  -- The organisation the caller acts for, the member's home organisation first.
  select membership.organisation_id into organisation
  from public.organisation_members as membership
  where membership.user_id = person
    and membership.organisation_id in (select private.admin_organisation_ids())
  order by membership.organisation_id = private.home_organisation_of(person) desc
  limit 1;
  if auth.uid() is null or (organisation is null and not private.is_platform_admin()) then
    raise exception 'only an admin of the member''s organisation or a platform admin may reset their two-step authentication'
      using errcode = '42501';
  end if;
  if not private.is_aal2() then
    raise exception 'admin actions need two-step authentication: verify your second factor first'
      using errcode = '42501', hint = 'the session is at aal1; admin actions need aal2';
  end if;
  if not exists (select 1 from auth.users as known where known.id = person) then
    raise exception 'user % does not exist', person using errcode = 'P0002';
  end if;
  organisation := coalesce(organisation, private.home_organisation_of(person));

  delete from auth.mfa_factors as factor where factor.user_id = person;
  get diagnostics factors_deleted = row_count;
  delete from private.mfa_recovery_codes as stored where stored.user_id = person;
  get diagnostics codes_deleted = row_count;

  perform private.record_audit(
    'mfa.reset', 'user', person::text, organisation,
    jsonb_build_object('factors_deleted', factors_deleted, 'recovery_codes_deleted', codes_deleted)
  );
end;
$$;

-- No API role touches the codes table; the functions above are its only way in.
revoke all on private.mfa_recovery_codes from public, anon, authenticated, service_role;
revoke all on function private.recovery_code_hash(text) from public, anon, authenticated;
revoke all on function private.has_verified_factor(uuid) from public, anon, authenticated;

revoke all on function
  public.generate_recovery_codes(),
  public.redeem_recovery_code(text),
  public.reset_member_mfa(uuid)
from public, anon;
grant execute on function
  public.generate_recovery_codes(),
  public.redeem_recovery_code(text),
  public.reset_member_mfa(uuid)
to authenticated;

alter table private.mfa_recovery_codes enable row level security;
-- No policies: only the security definer functions (the owner) read or write it. The primary
-- key (user_id, code_hash) is the index their lookups need.
