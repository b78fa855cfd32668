-- Joining an organisation and the admin actions on memberships.
--
-- Sign up with a work e-mail → a profile and a pending membership in the organisation that owns
-- the e-mail's domain (or the one chosen at sign-up, for domains that match none) → an admin of
-- that organisation approves, rejects, deactivates or reactivates. Admin actions need aal2.
-- Every function checks its caller itself and writes the audit log. Errors: 42501 refused,
-- P0002 no such target, 22023 not possible in the membership's current state.

-- Matching an e-mail to an organisation ---------------------------------------------------------

-- The organisation owning the e-mail's domain or the longest registered parent domain of it
-- (aino@tyollisyys.tampere.example matches tampere.example unless the subdomain has its own).
create function private.organisation_id_for_email(email text) returns uuid
language sql stable security definer
set search_path = ''
as $$
  with host as (
    select string_to_array(lower(substring(btrim(email) from '@([^@]+)$')), '.') as labels
  )
  select registered.organisation_id
  from host
  cross join lateral
    generate_series(1, coalesce(array_length(host.labels, 1), 0) - 1) as first_label
  join public.organisation_domains as registered
    on registered.domain = array_to_string(host.labels[first_label:], '.')
  order by first_label
  limit 1
$$;

create function private.home_organisation_of(person uuid) returns uuid
language sql stable security definer
set search_path = ''
as $$
  select profile.home_organisation_id from public.profiles as profile where profile.id = person
$$;

-- For the sign-up page: "your organisation is …". Callable without signing in.
create function public.organisation_for_email(email text)
returns table (id uuid, name_fi text, name_sv text)
language sql stable security definer
set search_path = ''
as $$
  select organisation.id, organisation.name_fi, organisation.name_sv
  from public.organisations as organisation
  where organisation.id = private.organisation_id_for_email(organisation_for_email.email)
$$;

-- For the sign-up page's "choose your organisation" list. Callable without signing in.
create function public.list_organisations_for_signup()
returns table (id uuid, name_fi text, name_sv text, kind public.organisation_kind)
language sql stable security definer
set search_path = ''
as $$
  select organisation.id, organisation.name_fi, organisation.name_sv, organisation.kind
  from public.organisations as organisation
  order by organisation.name_fi
$$;

-- Sign-up ------------------------------------------------------------------------------------

-- Runs for every new auth user, whoever creates it (sign-up, admin API, seed). Never fails the
-- sign-up over metadata: an organisation_id that is not a known organisation is ignored.
create function private.handle_new_user() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  metadata jsonb := coalesce(new.raw_user_meta_data, '{}');
  chosen text := metadata ->> 'organisation_id';
  organisation uuid := private.organisation_id_for_email(new.email);
  matched_by text := 'domain';
begin
  if organisation is null
     and chosen ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    select known.id into organisation from public.organisations as known where known.id = chosen::uuid;
    matched_by := 'choice';
  end if;

  insert into public.profiles (id, display_name, home_organisation_id, preferred_locale)
  values (
    new.id,
    coalesce(
      nullif(btrim(metadata ->> 'full_name'), ''),
      nullif(split_part(coalesce(new.email, ''), '@', 1), ''),
      ''
    ),
    organisation,
    case when metadata ->> 'locale' in ('fi', 'sv', 'en') then metadata ->> 'locale' else 'fi' end
  );

  if organisation is not null then
    insert into public.organisation_members (organisation_id, user_id) values (organisation, new.id);
    perform private.record_audit(
      'membership.requested', 'user', new.id::text, organisation,
      jsonb_build_object('via', 'sign_up', 'matched_by', matched_by), new.id
    );
  end if;
  return new;
end;
$$;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.handle_new_user();

-- Joining without a matching domain (or changing the request) ----------------------------------

-- For a signed-in person without an active membership. Replaces any other pending request of
-- theirs and makes the organisation their home organisation.
create function public.request_membership(organisation_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  caller uuid := auth.uid();
  organisation uuid := request_membership.organisation_id;
  current_status text;
  withdrawn uuid[];
begin
  if caller is null then
    raise exception 'sign in to request membership' using errcode = '42501';
  end if;
  if not exists (select 1 from public.organisations as known where known.id = organisation) then
    raise exception 'organisation % does not exist', organisation using errcode = 'P0002';
  end if;
  if exists (
    select 1 from public.organisation_members as mine where mine.user_id = caller and mine.status = 'active'
  ) then
    raise exception 'you already have an active membership' using errcode = '42501';
  end if;
  select mine.status into current_status
  from public.organisation_members as mine
  where mine.user_id = caller and mine.organisation_id = organisation;
  if current_status = 'deactivated' then
    raise exception 'your membership in this organisation was deactivated; its admin can reactivate it'
      using errcode = '42501';
  end if;

  with removed as (
    delete from public.organisation_members as mine
    where mine.user_id = caller and mine.status = 'pending' and mine.organisation_id <> organisation
    returning mine.organisation_id
  )
  select coalesce(array_agg(removed.organisation_id), '{}') into withdrawn from removed;

  insert into public.profiles (id) values (caller) on conflict (id) do nothing;
  insert into public.organisation_members as membership (organisation_id, user_id)
  values (organisation, caller)
  on conflict (organisation_id, user_id) do update
    set status = 'pending', role = 'member', requested_at = now(), decided_at = null, decided_by = null;
  update public.profiles as profile set home_organisation_id = organisation where profile.id = caller;

  perform private.record_audit(
    'membership.requested', 'user', caller::text, organisation,
    jsonb_build_object('via', 'request', 'previous_status', current_status, 'withdrawn', to_jsonb(withdrawn))
  );
end;
$$;

-- Admin actions ------------------------------------------------------------------------------

-- Raises 42501 unless the caller is an active admin of `org` or a platform admin, at aal2.
create function private.require_admin_of(org uuid) returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if auth.uid() is null or not (private.is_platform_admin() or private.is_org_admin(org)) then
    raise exception 'only an admin of this organisation or a platform admin may do this'
      using errcode = '42501';
  end if;
  if not private.is_aal2() then
    raise exception 'admin actions need two-step authentication: verify your second factor first'
      using errcode = '42501', hint = 'the session is at aal1; admin actions need aal2';
  end if;
end;
$$;

-- Moves a membership from one of `allowed_from` to `new_status` and records `action`.
create function private.change_membership_status(
  person uuid, org uuid, allowed_from text[], new_status text, action text
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  previous text;
begin
  perform private.require_admin_of(org);
  select membership.status into previous
  from public.organisation_members as membership
  where membership.organisation_id = org and membership.user_id = person
  for update;
  if not found then
    raise exception 'user % has no membership in organisation %', person, org using errcode = 'P0002';
  end if;
  if not (previous = any (allowed_from)) then
    raise exception 'the membership is %, not %', previous, array_to_string(allowed_from, ' or ')
      using errcode = '22023';
  end if;
  update public.organisation_members as membership
  set status = new_status, decided_at = now(), decided_by = auth.uid()
  where membership.organisation_id = org and membership.user_id = person;
  perform private.record_audit(
    action, 'user', person::text, org, jsonb_build_object('from', previous, 'to', new_status)
  );
end;
$$;

create function public.approve_membership(user_id uuid, organisation_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  person uuid := approve_membership.user_id;
  organisation uuid := approve_membership.organisation_id;
begin
  perform private.change_membership_status(
    person, organisation, array['pending', 'rejected'], 'active', 'membership.approved'
  );
  -- The approved organisation becomes home unless the person is active at home already.
  if not private.has_active_home_membership(person) then
    update public.profiles as profile
    set home_organisation_id = organisation
    where profile.id = person;
  end if;
end;
$$;

create function public.reject_membership(user_id uuid, organisation_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform private.change_membership_status(
    reject_membership.user_id, reject_membership.organisation_id,
    array['pending'], 'rejected', 'membership.rejected'
  );
end;
$$;

-- Ends all of the member's access on their next request: every policy asks for an active
-- membership at query time, not the token.
create function public.deactivate_member(user_id uuid, organisation_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  if deactivate_member.user_id = auth.uid() then
    raise exception 'you cannot deactivate yourself' using errcode = '42501';
  end if;
  perform private.change_membership_status(
    deactivate_member.user_id, deactivate_member.organisation_id,
    array['active'], 'deactivated', 'membership.deactivated'
  );
end;
$$;

create function public.reactivate_member(user_id uuid, organisation_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform private.change_membership_status(
    reactivate_member.user_id, reactivate_member.organisation_id,
    array['deactivated'], 'active', 'membership.reactivated'
  );
end;
$$;

create function public.set_member_role(user_id uuid, organisation_id uuid, role text) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  person uuid := set_member_role.user_id;
  organisation uuid := set_member_role.organisation_id;
  new_role text := set_member_role.role;
  previous public.organisation_members;
begin
  perform private.require_admin_of(organisation);
  if new_role is null or new_role not in ('member', 'admin') then
    raise exception 'role must be member or admin, not %', coalesce(new_role, 'null')
      using errcode = '22023';
  end if;
  select * into previous
  from public.organisation_members as membership
  where membership.organisation_id = organisation and membership.user_id = person
  for update;
  if not found then
    raise exception 'user % has no membership in organisation %', person, organisation
      using errcode = 'P0002';
  end if;
  if previous.status <> 'active' then
    raise exception 'only an active member''s role can change; this membership is %', previous.status
      using errcode = '22023';
  end if;
  -- An organisation admin cannot demote themselves and leave the organisation without one.
  if person = auth.uid() and not private.is_platform_admin() then
    raise exception 'you cannot change your own role' using errcode = '42501';
  end if;
  update public.organisation_members as membership
  set role = new_role, decided_at = now(), decided_by = auth.uid()
  where membership.organisation_id = organisation and membership.user_id = person;
  perform private.record_audit(
    'membership.role_changed', 'user', person::text, organisation,
    jsonb_build_object('from', previous.role, 'to', new_role)
  );
end;
$$;

-- What the UI needs for its navigation: who am I, where, and what may I administer.
-- status, organisation_id and role are null for a person without a home organisation.
create function public.my_access() returns json
language sql stable security definer
set search_path = ''
as $$
  select json_build_object(
    'user_id', me.id,
    'status', membership.status,
    'organisation_id', profile.home_organisation_id,
    'role', membership.role,
    'is_platform_admin', private.is_platform_admin(),
    'aal', coalesce(auth.jwt() ->> 'aal', 'aal1')
  )
  from (select auth.uid() as id) as me
  left join public.profiles as profile on profile.id = me.id
  left join public.organisation_members as membership
    on membership.user_id = profile.id and membership.organisation_id = profile.home_organisation_id
$$;

-- Grants -------------------------------------------------------------------------------------

revoke all on function private.organisation_id_for_email(text) from public, anon, authenticated;
revoke all on function private.home_organisation_of(uuid) from public, anon, authenticated;
revoke all on function private.handle_new_user() from public, anon, authenticated;
revoke all on function private.require_admin_of(uuid) from public, anon, authenticated;
revoke all on function private.change_membership_status(uuid, uuid, text[], text, text) from public, anon, authenticated;

revoke all on function public.organisation_for_email(text) from public;
revoke all on function public.list_organisations_for_signup() from public;
grant execute on function public.organisation_for_email(text) to anon, authenticated;
grant execute on function public.list_organisations_for_signup() to anon, authenticated;

revoke all on function
  public.request_membership(uuid),
  public.approve_membership(uuid, uuid),
  public.reject_membership(uuid, uuid),
  public.deactivate_member(uuid, uuid),
  public.reactivate_member(uuid, uuid),
  public.set_member_role(uuid, uuid, text),
  public.my_access()
from public, anon;
grant execute on function
  public.request_membership(uuid),
  public.approve_membership(uuid, uuid),
  public.reject_membership(uuid, uuid),
  public.deactivate_member(uuid, uuid),
  public.reactivate_member(uuid, uuid),
  public.set_member_role(uuid, uuid, text),
  public.my_access()
to authenticated;
