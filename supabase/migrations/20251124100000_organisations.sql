-- Organisations, the people in them and who administers them.
--
-- Access to everything in Verkko follows from one fact: an active membership in one's home
-- organisation (private.is_active_user()). RLS asks for it on every query, so a deactivation
-- takes effect on the very next request, whatever the caller's token still says. Admin rights
-- (organisation admin, platform admin) count only in a session verified with a second factor
-- (aal2); below that an admin is an ordinary member.

create schema if not exists private;
-- Helpers live here, out of the API's reach: PostgREST exposes `public` only, and API roles get
-- usage and execute only on what their policies call.
revoke all on schema private from public;

-- Tables -------------------------------------------------------------------------------------

create type public.organisation_kind as enum (
  'municipality',
  'employment_area',
  'state_agency',
  'kuntaliitto',
  'wellbeing_county',
  'ngo',
  'education',
  'vendor'
);

create table public.organisations (
  id uuid primary key default gen_random_uuid(),
  name_fi text not null check (btrim(name_fi) <> ''),
  -- Null when the organisation has no official Swedish name; the UI falls back to name_fi.
  name_sv text check (btrim(name_sv) <> ''),
  kind public.organisation_kind not null,
  parent_id uuid references public.organisations (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint organisations_parent_is_another check (parent_id is distinct from id)
);

-- A person is matched to their organisation by the domain of their work e-mail (and its
-- subdomains, the longest registered suffix winning).
create table public.organisation_domains (
  domain text primary key
    check (domain ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'),
  organisation_id uuid not null references public.organisations (id) on delete cascade,
  created_at timestamptz not null default now()
);

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null default '',
  title text,
  languages text[] not null default '{}',
  expertise text[] not null default '{}',
  home_organisation_id uuid references public.organisations (id) on delete set null,
  preferred_locale text not null default 'fi' check (preferred_locale in ('fi', 'sv', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.organisation_members (
  -- No cascade: an organisation that still has people in it is not deleted by accident.
  organisation_id uuid not null references public.organisations (id),
  user_id uuid not null references public.profiles (id) on delete cascade,
  role text not null default 'member' check (role in ('member', 'admin')),
  status text not null default 'pending'
    check (status in ('pending', 'active', 'deactivated', 'rejected')),
  requested_at timestamptz not null default now(),
  decided_at timestamptz,
  -- Not a foreign key: who decided stays on record after that person is gone (as in audit_log),
  -- and one key to profiles keeps `organisation_members?select=*,profiles(*)` unambiguous.
  decided_by uuid,
  primary key (organisation_id, user_id)
);

create table public.platform_admins (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now()
);

create function private.touch_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

create trigger profiles_touch_updated_at
  before update on public.profiles
  for each row execute function private.touch_updated_at();

-- Helpers used by policies -------------------------------------------------------------------
-- security definer: they read membership tables whose own policies would otherwise recurse.

-- True when the session was verified with a second factor.
create function private.is_aal2() returns boolean
language sql stable
set search_path = ''
as $$
  select coalesce(auth.jwt() ->> 'aal', '') = 'aal2'
$$;

-- True when `person` has an active membership in their home organisation.
create function private.has_active_home_membership(person uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.profiles as profile
    join public.organisation_members as membership
      on membership.user_id = profile.id
     and membership.organisation_id = profile.home_organisation_id
    where profile.id = person
      and membership.status = 'active'
  )
$$;

-- The caller has an active membership in their home organisation: the key to everything.
create function private.is_active_user() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select private.has_active_home_membership(auth.uid())
$$;

-- The caller is an active admin of `org`. Says nothing about aal: callers combine it with is_aal2().
create function private.is_org_admin(org uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.organisation_members as membership
    where membership.organisation_id = org
      and membership.user_id = auth.uid()
      and membership.role = 'admin'
      and membership.status = 'active'
  )
$$;

-- The caller is a platform admin. Says nothing about aal: callers combine it with is_aal2().
create function private.is_platform_admin() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.platform_admins as admin where admin.user_id = auth.uid()
  )
$$;

-- The organisations the caller is an active admin of, as a set a policy can hash once.
create function private.admin_organisation_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select membership.organisation_id
  from public.organisation_members as membership
  where membership.user_id = auth.uid()
    and membership.role = 'admin'
    and membership.status = 'active'
$$;

-- Everyone with a membership (of any status) in an organisation the caller administers.
create function private.administered_user_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select membership.user_id
  from public.organisation_members as membership
  where membership.organisation_id in (select private.admin_organisation_ids())
$$;

-- Grants -------------------------------------------------------------------------------------
-- Nothing for anon: the sign-up page reads organisations through two functions instead.

revoke all on public.organisations, public.organisation_domains, public.profiles,
  public.organisation_members, public.platform_admins from anon, authenticated;

grant select, insert, update, delete on public.organisations to authenticated;
grant select, insert, update, delete on public.organisation_domains to authenticated;
grant select on public.profiles to authenticated;
-- Not home_organisation_id: that moves only with a membership, through the join-flow functions.
grant update (display_name, title, languages, expertise, preferred_locale)
  on public.profiles to authenticated;
-- Memberships change only through the audited functions of the join flow.
grant select on public.organisation_members to authenticated;
grant select, insert, delete on public.platform_admins to authenticated;

grant usage on schema private to authenticated;
revoke all on all functions in schema private from public, anon, authenticated;
grant execute on function
  private.is_aal2(),
  private.has_active_home_membership(uuid),
  private.is_active_user(),
  private.is_org_admin(uuid),
  private.is_platform_admin(),
  private.admin_organisation_ids(),
  private.administered_user_ids()
to authenticated;

-- Row level security -------------------------------------------------------------------------

alter table public.organisations enable row level security;
alter table public.organisation_domains enable row level security;
alter table public.profiles enable row level security;
alter table public.organisation_members enable row level security;
alter table public.platform_admins enable row level security;

create policy "active members and platform admins read organisations"
  on public.organisations for select to authenticated
  using (
    (select private.is_active_user())
    or ((select private.is_aal2()) and (select private.is_platform_admin()))
  );

create policy "platform admins add organisations"
  on public.organisations for insert to authenticated
  with check ((select private.is_aal2()) and (select private.is_platform_admin()));

create policy "platform admins change organisations"
  on public.organisations for update to authenticated
  using ((select private.is_aal2()) and (select private.is_platform_admin()))
  with check ((select private.is_aal2()) and (select private.is_platform_admin()));

create policy "platform admins remove organisations"
  on public.organisations for delete to authenticated
  using ((select private.is_aal2()) and (select private.is_platform_admin()));

create policy "active members and platform admins read organisation domains"
  on public.organisation_domains for select to authenticated
  using (
    (select private.is_active_user())
    or ((select private.is_aal2()) and (select private.is_platform_admin()))
  );

create policy "platform admins add organisation domains"
  on public.organisation_domains for insert to authenticated
  with check ((select private.is_aal2()) and (select private.is_platform_admin()));

create policy "platform admins change organisation domains"
  on public.organisation_domains for update to authenticated
  using ((select private.is_aal2()) and (select private.is_platform_admin()))
  with check ((select private.is_aal2()) and (select private.is_platform_admin()));

create policy "platform admins remove organisation domains"
  on public.organisation_domains for delete to authenticated
  using ((select private.is_aal2()) and (select private.is_platform_admin()));

create policy "people read their own profile, active members active people's, admins their members'"
  on public.profiles for select to authenticated
  using (
    id = (select auth.uid())
    or ((select private.is_active_user()) and private.has_active_home_membership(id))
    or (
      (select private.is_aal2())
      and (
        (select private.is_platform_admin())
        or id in (select private.administered_user_ids())
      )
    )
  );

create policy "people update their own profile"
  on public.profiles for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

create policy "people read their own memberships, active members active ones, admins their organisation's"
  on public.organisation_members for select to authenticated
  using (
    user_id = (select auth.uid())
    or ((select private.is_active_user()) and status = 'active')
    or (
      (select private.is_aal2())
      and (
        (select private.is_platform_admin())
        or organisation_id in (select private.admin_organisation_ids())
      )
    )
  );

create policy "platform admins read platform admins"
  on public.platform_admins for select to authenticated
  using ((select private.is_aal2()) and (select private.is_platform_admin()));

create policy "platform admins appoint platform admins"
  on public.platform_admins for insert to authenticated
  with check ((select private.is_aal2()) and (select private.is_platform_admin()));

-- Not oneself: the platform must not lose its last admin by a slip.
create policy "platform admins remove other platform admins"
  on public.platform_admins for delete to authenticated
  using (
    (select private.is_aal2())
    and (select private.is_platform_admin())
    and user_id <> (select auth.uid())
  );

-- Indexes for the columns policies and helpers filter on ---------------------------------------

create index organisations_parent_id_idx on public.organisations (parent_id);
create index organisation_domains_organisation_id_idx on public.organisation_domains (organisation_id);
create index profiles_home_organisation_id_idx on public.profiles (home_organisation_id);
create index organisation_members_user_id_status_idx
  on public.organisation_members (user_id, status);
create index organisation_members_organisation_id_status_idx
  on public.organisation_members (organisation_id, status);
