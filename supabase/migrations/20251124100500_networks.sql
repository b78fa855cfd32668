-- Network workspaces: who is in which network, and how people get in and out.
--
-- Every network has a purpose, an owner organisation, coordinators, a join policy and a yearly
-- review date, so that networks that no longer serve a need get archived. A network's content is
-- readable by every active user when its visibility is 'signed_in', by its members only when it
-- is 'members'. Coordinators and members write, observers only read, and nobody writes in an
-- archived network. A person deactivated by their home organisation drops out of every
-- network's active members at once: every check below goes through private.is_active_user().
-- Guests are people whose home organisation is a vendor: they join only by invitation and only
-- networks that allow guests.

-- Types --------------------------------------------------------------------------------------

create type public.network_kind as enum (
  'national',
  'regional',
  'independent',
  'legal_sparring',
  'editorial_board',
  'ict'
);
create type public.network_visibility as enum ('signed_in', 'members');
create type public.network_join_policy as enum ('open', 'request', 'invitation');
create type public.network_role as enum ('coordinator', 'member', 'observer');

-- Tables -------------------------------------------------------------------------------------

create table public.networks (
  id uuid primary key default gen_random_uuid(),
  -- 'new' is the path of the creation page.
  slug text not null unique
    check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80 and slug <> 'new'),
  kind public.network_kind not null,
  name_fi text not null check (btrim(name_fi) <> '' and length(name_fi) <= 200),
  name_sv text check (btrim(name_sv) <> '' and length(name_sv) <= 200),
  purpose_fi text not null check (btrim(purpose_fi) <> '' and length(purpose_fi) <= 4000),
  purpose_sv text check (btrim(purpose_sv) <> '' and length(purpose_sv) <= 4000),
  owner_organisation_id uuid not null references public.organisations (id),
  visibility public.network_visibility not null default 'signed_in',
  join_policy public.network_join_policy not null default 'request',
  allow_guests boolean not null default false,
  topics text[] not null default '{}'
    check (cardinality(topics) <= 20 and array_position(topics, null) is null),
  review_due date not null default (current_date + 365),
  -- The review_due a reminder was last sent for, so each review date is reminded once.
  review_reminded_for date,
  archived_at timestamptz,
  archived_by uuid references public.profiles (id) on delete set null,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Kept up to date by triggers, so the directory neither counts nor scans content per request.
  last_activity_at timestamptz not null default now(),
  active_member_count integer not null default 0,
  search_vector tsvector generated always as (
    to_tsvector('finnish'::regconfig,
      coalesce(name_fi, '') || ' ' || coalesce(name_sv, '') || ' '
      || coalesce(purpose_fi, '') || ' ' || coalesce(purpose_sv, ''))
  ) stored
);

create table public.network_members (
  network_id uuid not null references public.networks (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  role public.network_role not null default 'member',
  joined_at timestamptz not null default now(),
  added_by uuid references public.profiles (id) on delete set null,
  primary key (network_id, user_id)
);

create table public.network_join_requests (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  message text check (length(message) <= 2000),
  status text not null default 'pending'
    check (status in ('pending', 'approved', 'rejected', 'withdrawn')),
  created_at timestamptz not null default now(),
  decided_by uuid references public.profiles (id) on delete set null,
  decided_at timestamptz
);

create table public.network_invitations (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  -- Who was invited: by e-mail (matched to a user on sign-up or now) or directly by user.
  email text check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  invited_user_id uuid references public.profiles (id) on delete cascade,
  role public.network_role not null default 'member',
  message text check (length(message) <= 2000),
  status text not null default 'pending'
    check (status in ('pending', 'accepted', 'declined', 'revoked')),
  invited_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  responded_at timestamptz,
  constraint network_invitations_names_someone check (email is not null or invited_user_id is not null)
);

-- The last time a person opened a network's overview, for "new since your last visit".
create table public.network_visits (
  network_id uuid not null references public.networks (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  seen_at timestamptz not null default now(),
  primary key (user_id, network_id)
);

-- Helpers ------------------------------------------------------------------------------------

-- The caller's role in a network, null unless they are an active user and a member.
create function private.network_role(network uuid) returns public.network_role
language sql stable security definer
set search_path = ''
as $$
  select member.role
  from public.network_members as member
  where member.network_id = network
    and member.user_id = auth.uid()
    and private.is_active_user()
$$;

create function private.is_network_coordinator(network uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(private.network_role(network) = 'coordinator', false)
$$;

-- Networks the caller is an active member of (any role), as a set a policy can hash once.
create function private.my_network_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select member.network_id
  from public.network_members as member
  where member.user_id = auth.uid()
    and private.is_active_user()
$$;

-- A guest is a person whose home organisation is a vendor.
create function private.is_guest(person uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce((
    select organisation.kind = 'vendor'
    from public.profiles as profile
    join public.organisations as organisation on organisation.id = profile.home_organisation_id
    where profile.id = person
  ), false)
$$;

-- Networks whose content the caller may read: every 'signed_in' network and their own. A guest
-- (a vendor's employee) reads only the networks they were invited into.
create function private.readable_network_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select network.id
  from public.networks as network
  where private.is_active_user()
    and (
      (network.visibility = 'signed_in' and not (select private.is_guest(auth.uid())))
      or network.id in (
        select member.network_id from public.network_members as member
        where member.user_id = auth.uid()
      )
    )
$$;

-- Networks where the caller may write content: coordinator or member, and not archived.
create function private.writable_network_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select member.network_id
  from public.network_members as member
  join public.networks as network on network.id = member.network_id
  where member.user_id = auth.uid()
    and member.role in ('coordinator', 'member')
    and network.archived_at is null
    and private.is_active_user()
$$;

-- Networks the caller coordinates and that are not archived.
create function private.coordinated_network_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select member.network_id
  from public.network_members as member
  join public.networks as network on network.id = member.network_id
  where member.user_id = auth.uid()
    and member.role = 'coordinator'
    and network.archived_at is null
    and private.is_active_user()
$$;

-- Whether `person` may read `network`'s content: readable_network_ids() for someone other than
-- the caller, so that notifications about a network reach only its readers.
create function private.person_reads_network(person uuid, network uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select private.has_active_home_membership(person) and exists (
    select 1 from public.networks as candidate
    where candidate.id = network
      and (
        (candidate.visibility = 'signed_in' and not private.is_guest(person))
        or exists (
          select 1 from public.network_members as member
          where member.network_id = network and member.user_id = person
        )
      )
  )
$$;

-- Raises unless the caller is an active user.
create function private.require_active_user() returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if auth.uid() is null or not private.is_active_user() then
    raise exception 'only active users can do this' using errcode = '42501';
  end if;
end;
$$;

-- Locks the network row and returns it; raises 'no network' (P0002) when the caller may not
-- see it, and 'archived' (55000) when it is archived and a change was asked for.
create function private.lock_network(network uuid, for_change boolean default true)
returns public.networks
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  found public.networks;
begin
  perform private.require_active_user();
  select * into found from public.networks where id = network for update;
  if found.id is null or found.id not in (select private.readable_network_ids())
    and not exists (
      select 1 from public.network_invitations as invitation
      where invitation.network_id = network and invitation.status = 'pending'
        and (invitation.invited_user_id = auth.uid() or invitation.email = lower(auth.email()))
    ) then
    raise exception 'no such network' using errcode = 'P0002';
  end if;
  if for_change and found.archived_at is not null then
    raise exception 'the network is archived and read-only' using errcode = '55000';
  end if;
  return found;
end;
$$;

create function private.require_network_coordinator(network uuid) returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not private.is_network_coordinator(network) then
    raise exception 'only the network''s coordinators can do this' using errcode = '42501';
  end if;
end;
$$;

-- Recounts the active members of the given networks.
create function private.recount_network_members(networks uuid[]) returns void
language sql volatile security definer
set search_path = ''
as $$
  update public.networks as network
  set active_member_count = (
    select count(*)
    from public.network_members as member
    where member.network_id = network.id
      and private.has_active_home_membership(member.user_id)
  )
  where network.id = any (networks)
$$;

create function private.network_display(network public.networks) returns jsonb
language sql immutable
set search_path = ''
as $$
  select jsonb_build_object(
    'network_name_fi', network.name_fi,
    'network_name_sv', coalesce(network.name_sv, network.name_fi),
    'network_slug', network.slug
  )
$$;

create function private.display_name_of(person uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select profile.display_name from public.profiles as profile where profile.id = person
$$;

-- Notifies every active coordinator of a network (chatter: muting the network silences it).
create function private.notify_coordinators(
  network uuid, kind text, link text, data jsonb
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  coordinator uuid;
begin
  for coordinator in
    select member.user_id from public.network_members as member
    where member.network_id = network and member.role = 'coordinator'
  loop
    perform private.notify(coordinator, kind, network, link, data, false);
  end loop;
end;
$$;

-- Adds a member (or changes their role), recounts and audits. Callers check who may.
create function private.add_network_member(
  network uuid, person uuid, new_role public.network_role, action text
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  insert into public.network_members (network_id, user_id, role, added_by)
  values (network, person, new_role, auth.uid())
  on conflict (network_id, user_id) do nothing;
  perform private.recount_network_members(array[network]);
  perform private.record_audit(
    action, 'network', network::text,
    (select owner_organisation_id from public.networks where id = network),
    jsonb_build_object('user_id', person, 'role', new_role)
  );
end;
$$;

-- Counting triggers ---------------------------------------------------------------------------

create function private.recount_after_membership_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    perform private.recount_network_members(array[old.network_id]);
  else
    perform private.recount_network_members(array[new.network_id]);
  end if;
  return null;
end;
$$;

create trigger network_members_recount
after delete on public.network_members
for each row execute function private.recount_after_membership_change();

-- A home organisation's decision (deactivation, reactivation) changes every network the person
-- is in; the person's rows stay, so a reactivation restores their networks as they were.
create function private.recount_after_home_membership_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  person uuid;
begin
  if tg_op = 'DELETE' then
    person := old.user_id;
  else
    person := new.user_id;
  end if;
  perform private.recount_network_members(array(
    select member.network_id from public.network_members as member where member.user_id = person
  ));
  return null;
end;
$$;

create trigger organisation_members_recount_networks
after insert or update of status or delete on public.organisation_members
for each row execute function private.recount_after_home_membership_change();

create trigger networks_touch_updated_at
before update on public.networks
for each row execute function private.touch_updated_at();

-- Marks activity in a network; content tables call it from their insert triggers.
create function private.touch_network_activity() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.networks set last_activity_at = now()
  where id = new.network_id and last_activity_at < now() - interval '1 second';
  return null;
end;
$$;

-- Functions: creating, joining, leaving -------------------------------------------------------

create function public.create_network(
  slug text,
  kind public.network_kind,
  name_fi text,
  purpose_fi text,
  owner_organisation_id uuid,
  name_sv text default null,
  purpose_sv text default null,
  visibility public.network_visibility default 'signed_in',
  join_policy public.network_join_policy default 'request',
  allow_guests boolean default false,
  topics text[] default '{}',
  review_due date default null
) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  created uuid;
begin
  perform private.require_active_user();
  if private.is_guest(auth.uid()) then
    raise exception 'guests cannot create networks' using errcode = '42501';
  end if;
  if owner_organisation_id is distinct from private.home_organisation_of(auth.uid())
    and not (private.is_platform_admin() and private.is_aal2()) then
    raise exception 'a network is owned by your own organisation' using errcode = '42501';
  end if;
  if review_due is not null and (review_due <= current_date or review_due > current_date + 731) then
    raise exception 'the review date must be within the next two years' using errcode = '22023';
  end if;
  insert into public.networks (
    slug, kind, name_fi, name_sv, purpose_fi, purpose_sv, owner_organisation_id, visibility,
    join_policy, allow_guests, topics, review_due, created_by
  ) values (
    create_network.slug, create_network.kind, btrim(create_network.name_fi),
    nullif(btrim(create_network.name_sv), ''), btrim(create_network.purpose_fi),
    nullif(btrim(create_network.purpose_sv), ''), create_network.owner_organisation_id,
    create_network.visibility, create_network.join_policy, create_network.allow_guests,
    coalesce(create_network.topics, '{}'),
    coalesce(create_network.review_due, current_date + 365), auth.uid()
  ) returning id into created;
  perform private.add_network_member(created, auth.uid(), 'coordinator', 'network.created');
  return created;
end;
$$;

-- Joins an open network straight away.
create function public.join_network(network_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  network public.networks := private.lock_network(join_network.network_id);
begin
  if network.join_policy <> 'open' then
    raise exception 'this network is not open: ask to join instead' using errcode = '42501';
  end if;
  if private.is_guest(auth.uid()) then
    raise exception 'guests join networks only by invitation' using errcode = '42501';
  end if;
  perform private.add_network_member(network.id, auth.uid(), 'member', 'network.joined');
end;
$$;

create function public.request_to_join(network_id uuid, message text default null) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  network public.networks := private.lock_network(request_to_join.network_id);
  request uuid;
begin
  if network.join_policy <> 'request' then
    raise exception 'this network does not take join requests' using errcode = '42501';
  end if;
  if private.is_guest(auth.uid()) then
    raise exception 'guests join networks only by invitation' using errcode = '42501';
  end if;
  if private.network_role(network.id) is not null then
    raise exception 'you are already a member' using errcode = '23505';
  end if;
  if exists (
    select 1 from public.network_join_requests as pending
    where pending.network_id = network.id and pending.user_id = auth.uid()
      and pending.status = 'pending'
  ) then
    raise exception 'you have already asked to join' using errcode = '23505';
  end if;
  insert into public.network_join_requests (network_id, user_id, message)
  values (network.id, auth.uid(), nullif(btrim(request_to_join.message), ''))
  returning id into request;
  perform private.notify_coordinators(
    network.id, 'join_request', '/networks/' || network.slug || '/members',
    private.network_display(network)
      || jsonb_build_object('actor_name', private.display_name_of(auth.uid()))
  );
  return request;
end;
$$;

create function public.withdraw_join_request(request_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform private.require_active_user();
  update public.network_join_requests
  set status = 'withdrawn', decided_at = now(), decided_by = auth.uid()
  where id = request_id and user_id = auth.uid() and status = 'pending';
  if not found then
    raise exception 'no pending request of yours' using errcode = 'P0002';
  end if;
end;
$$;

create function public.decide_join_request(request_id uuid, approve boolean) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  request public.network_join_requests;
  network public.networks;
begin
  select * into request from public.network_join_requests where id = request_id for update;
  if request.id is null then
    raise exception 'no such request' using errcode = 'P0002';
  end if;
  network := private.lock_network(request.network_id);
  perform private.require_network_coordinator(network.id);
  if request.status <> 'pending' then
    raise exception 'the request has already been decided' using errcode = '55000';
  end if;
  update public.network_join_requests
  set status = case when approve then 'approved' else 'rejected' end,
      decided_by = auth.uid(), decided_at = now()
  where id = request.id;
  if approve then
    perform private.add_network_member(network.id, request.user_id, 'member', 'network.join_approved');
  else
    perform private.record_audit(
      'network.join_rejected', 'network', network.id::text, network.owner_organisation_id,
      jsonb_build_object('user_id', request.user_id)
    );
  end if;
  perform private.notify(
    request.user_id, 'join_decided', network.id, '/networks/' || network.slug,
    private.network_display(network) || jsonb_build_object('approved', approve), true
  );
end;
$$;

-- Invites a person by e-mail or by user id. Vendors' people only where guests are allowed.
create function public.invite_to_network(
  network_id uuid,
  email text default null,
  user_id uuid default null,
  role public.network_role default 'member',
  message text default null
) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  network public.networks := private.lock_network(invite_to_network.network_id);
  invitee uuid := invite_to_network.user_id;
  address text := lower(btrim(invite_to_network.email));
  invitation uuid;
begin
  perform private.require_network_coordinator(network.id);
  if invitee is null and address is null then
    raise exception 'name the person to invite' using errcode = '22023';
  end if;
  if invitee is null then
    select users.id into invitee from auth.users as users where lower(users.email) = address;
  end if;
  if invitee is not null then
    if not exists (select 1 from public.profiles where id = invitee) then
      raise exception 'no such person' using errcode = 'P0002';
    end if;
    if exists (
      select 1 from public.network_members as member
      where member.network_id = network.id and member.user_id = invitee
    ) then
      raise exception 'the person is already a member' using errcode = '23505';
    end if;
    if private.is_guest(invitee) and not network.allow_guests then
      raise exception 'this network does not allow guests' using errcode = '42501';
    end if;
    if private.is_guest(invitee) and invite_to_network.role = 'coordinator' then
      raise exception 'a guest cannot coordinate a network' using errcode = '42501';
    end if;
  elsif not network.allow_guests
    and exists (
      select 1 from public.organisation_domains as domain
      join public.organisations as organisation on organisation.id = domain.organisation_id
      where organisation.kind = 'vendor'
        and domain.domain = private.organisation_domain_of_email(address)
    ) then
    raise exception 'this network does not allow guests' using errcode = '42501';
  end if;
  if exists (
    select 1 from public.network_invitations as pending
    where pending.network_id = network.id and pending.status = 'pending'
      and (pending.invited_user_id = invitee or pending.email = address)
  ) then
    raise exception 'the person has already been invited' using errcode = '23505';
  end if;
  insert into public.network_invitations (network_id, email, invited_user_id, role, message, invited_by)
  values (
    network.id, address, invitee, invite_to_network.role,
    nullif(btrim(invite_to_network.message), ''), auth.uid()
  ) returning id into invitation;
  perform private.record_audit(
    'network.invited', 'network', network.id::text, network.owner_organisation_id,
    jsonb_build_object('email', address, 'user_id', invitee, 'role', invite_to_network.role)
  );
  perform private.notify(
    invitee, 'invitation', network.id, '/networks/' || network.slug,
    private.network_display(network)
      || jsonb_build_object('actor_name', private.display_name_of(auth.uid())),
    true
  );
  return invitation;
end;
$$;

-- The registered domain of an e-mail address that matches an organisation, for the guest check.
create function private.organisation_domain_of_email(address text) returns text
language sql stable security definer
set search_path = ''
as $$
  select domain.domain
  from public.organisation_domains as domain
  where split_part(address, '@', 2) = domain.domain
     or split_part(address, '@', 2) like '%.' || domain.domain
  order by length(domain.domain) desc
  limit 1
$$;

create function public.respond_to_invitation(invitation_id uuid, accept boolean) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  invitation public.network_invitations;
  network public.networks;
begin
  perform private.require_active_user();
  select * into invitation from public.network_invitations
  where id = invitation_id
    and (invited_user_id = auth.uid() or email = lower(auth.email()))
  for update;
  if invitation.id is null then
    raise exception 'no such invitation' using errcode = 'P0002';
  end if;
  if invitation.status <> 'pending' then
    raise exception 'the invitation is no longer open' using errcode = '55000';
  end if;
  network := private.lock_network(invitation.network_id);
  update public.network_invitations
  set status = case when accept then 'accepted' else 'declined' end,
      responded_at = now(), invited_user_id = auth.uid()
  where id = invitation.id;
  if accept then
    if private.is_guest(auth.uid()) and not network.allow_guests then
      raise exception 'this network does not allow guests' using errcode = '42501';
    end if;
    -- An e-mail invitation may have reached a vendor's employee before they had an account.
    if private.is_guest(auth.uid()) and invitation.role = 'coordinator' then
      raise exception 'a guest cannot coordinate a network' using errcode = '42501';
    end if;
    perform private.add_network_member(network.id, auth.uid(), invitation.role, 'network.invitation_accepted');
  end if;
end;
$$;

create function public.revoke_invitation(invitation_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  invitation public.network_invitations;
begin
  select * into invitation from public.network_invitations where id = invitation_id for update;
  if invitation.id is null then
    raise exception 'no such invitation' using errcode = 'P0002';
  end if;
  perform private.lock_network(invitation.network_id);
  perform private.require_network_coordinator(invitation.network_id);
  update public.network_invitations set status = 'revoked', responded_at = now()
  where id = invitation.id and status = 'pending';
end;
$$;

-- Raises when `person` is the network's last coordinator: a network is never left without one.
create function private.keep_a_coordinator(network uuid, person uuid) returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if exists (
    select 1 from public.network_members as member
    where member.network_id = network and member.user_id = person and member.role = 'coordinator'
  ) and not exists (
    select 1 from public.network_members as member
    where member.network_id = network and member.user_id <> person
      and member.role = 'coordinator' and private.has_active_home_membership(member.user_id)
  ) then
    raise exception 'a network needs at least one coordinator: appoint another first'
      using errcode = '55000';
  end if;
end;
$$;

create function public.leave_network(network_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  network public.networks := private.lock_network(leave_network.network_id, false);
begin
  perform private.keep_a_coordinator(network.id, auth.uid());
  delete from public.network_members as member
  where member.network_id = network.id and member.user_id = auth.uid();
  if not found then
    raise exception 'you are not a member' using errcode = 'P0002';
  end if;
  perform private.record_audit('network.left', 'network', network.id::text, network.owner_organisation_id);
end;
$$;

create function public.remove_network_member(network_id uuid, user_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  network public.networks := private.lock_network(remove_network_member.network_id);
begin
  perform private.require_network_coordinator(network.id);
  if remove_network_member.user_id = auth.uid() then
    raise exception 'leave the network instead of removing yourself' using errcode = '22023';
  end if;
  perform private.keep_a_coordinator(network.id, remove_network_member.user_id);
  delete from public.network_members as member
  where member.network_id = network.id and member.user_id = remove_network_member.user_id;
  if not found then
    raise exception 'the person is not a member' using errcode = 'P0002';
  end if;
  perform private.record_audit(
    'network.member_removed', 'network', network.id::text, network.owner_organisation_id,
    jsonb_build_object('user_id', remove_network_member.user_id)
  );
end;
$$;

create function public.set_network_member_role(
  network_id uuid, user_id uuid, role public.network_role
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  network public.networks := private.lock_network(set_network_member_role.network_id);
begin
  perform private.require_network_coordinator(network.id);
  if set_network_member_role.role <> 'coordinator' then
    perform private.keep_a_coordinator(network.id, set_network_member_role.user_id);
  end if;
  if set_network_member_role.role = 'coordinator' and private.is_guest(set_network_member_role.user_id) then
    raise exception 'a guest cannot coordinate a network' using errcode = '42501';
  end if;
  update public.network_members as member set role = set_network_member_role.role
  where member.network_id = network.id and member.user_id = set_network_member_role.user_id;
  if not found then
    raise exception 'the person is not a member' using errcode = 'P0002';
  end if;
  perform private.record_audit(
    'network.role_changed', 'network', network.id::text, network.owner_organisation_id,
    jsonb_build_object('user_id', set_network_member_role.user_id, 'role', set_network_member_role.role)
  );
end;
$$;

-- Functions: the yearly review and archiving --------------------------------------------------

create function public.archive_network(network_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  network public.networks := private.lock_network(archive_network.network_id);
begin
  perform private.require_network_coordinator(network.id);
  update public.networks set archived_at = now(), archived_by = auth.uid() where id = network.id;
  perform private.record_audit('network.archived', 'network', network.id::text, network.owner_organisation_id);
end;
$$;

-- Coordinators of an archived network (and platform admins) bring it back.
create function public.restore_network(network_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  network public.networks := private.lock_network(restore_network.network_id, false);
begin
  if not (
    private.network_role(network.id) = 'coordinator'
    or (private.is_platform_admin() and private.is_aal2())
  ) then
    raise exception 'only the network''s coordinators can do this' using errcode = '42501';
  end if;
  update public.networks
  set archived_at = null, archived_by = null, review_due = greatest(review_due, current_date + 365)
  where id = network.id;
  perform private.record_audit('network.restored', 'network', network.id::text, network.owner_organisation_id);
end;
$$;

-- The yearly review: the coordinators confirm the network still serves a need.
create function public.mark_network_reviewed(network_id uuid, next_review date default null)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  network public.networks := private.lock_network(mark_network_reviewed.network_id);
  next_due date := coalesce(next_review, current_date + 365);
begin
  perform private.require_network_coordinator(network.id);
  if next_due <= current_date or next_due > current_date + 731 then
    raise exception 'the review date must be within the next two years' using errcode = '22023';
  end if;
  update public.networks set review_due = next_due where id = network.id;
  perform private.record_audit(
    'network.reviewed', 'network', network.id::text, network.owner_organisation_id,
    jsonb_build_object('next_review', next_due)
  );
end;
$$;

-- Daily job (service role): reminds coordinators 30 days before a review falls due, once per date.
create function public.send_network_review_reminders(today date default current_date)
returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  network public.networks;
  reminded integer := 0;
begin
  for network in
    select * from public.networks
    where archived_at is null
      and review_due <= today + 30
      and review_reminded_for is distinct from review_due
    for update
  loop
    perform private.notify_coordinators(
      network.id, 'review_due', '/networks/' || network.slug || '/settings',
      private.network_display(network) || jsonb_build_object('review_due', network.review_due)
    );
    update public.networks set review_reminded_for = network.review_due where id = network.id;
    reminded := reminded + 1;
  end loop;
  return reminded;
end;
$$;

create function public.record_network_visit(network_id uuid) returns timestamptz
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  previous timestamptz;
begin
  if private.network_role(record_network_visit.network_id) is null then
    return null;
  end if;
  select seen_at into previous from public.network_visits
  where user_id = auth.uid() and network_visits.network_id = record_network_visit.network_id;
  insert into public.network_visits (network_id, user_id, seen_at)
  values (record_network_visit.network_id, auth.uid(), now())
  on conflict on constraint network_visits_pkey do update set seen_at = excluded.seen_at;
  return previous;
end;
$$;

-- Active people a coordinator may invite: not yet members, matched by name, guests flagged.
create function public.search_people_to_invite(network_id uuid, search_text text)
returns table (user_id uuid, display_name text, title text, organisation_name text, is_guest boolean)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform private.require_network_coordinator(search_people_to_invite.network_id);
  if length(btrim(search_text)) < 2 then
    return;
  end if;
  return query
  select profile.id, profile.display_name, profile.title, organisation.name_fi,
         organisation.kind = 'vendor'
  from public.profiles as profile
  join public.organisations as organisation on organisation.id = profile.home_organisation_id
  where profile.display_name ilike '%' || replace(replace(replace(btrim(search_text), '\', '\\'), '%', '\%'), '_', '\_') || '%'
    and private.has_active_home_membership(profile.id)
    and not exists (
      select 1 from public.network_members as member
      where member.network_id = search_people_to_invite.network_id and member.user_id = profile.id
    )
  order by profile.display_name
  limit 20;
end;
$$;

-- Grants -------------------------------------------------------------------------------------

revoke all on public.networks, public.network_members, public.network_join_requests,
  public.network_invitations, public.network_visits from anon, authenticated;
grant select on public.networks, public.network_members, public.network_join_requests,
  public.network_invitations, public.network_visits to authenticated;
grant update (name_fi, name_sv, purpose_fi, purpose_sv, visibility, join_policy, allow_guests, topics)
  on public.networks to authenticated;

revoke all on all functions in schema private from public, anon, authenticated;
grant execute on function
  private.is_aal2(),
  private.has_active_home_membership(uuid),
  private.is_active_user(),
  private.is_org_admin(uuid),
  private.is_platform_admin(),
  private.admin_organisation_ids(),
  private.administered_user_ids(),
  private.network_role(uuid),
  private.is_network_coordinator(uuid),
  private.my_network_ids(),
  private.readable_network_ids(),
  private.writable_network_ids(),
  private.coordinated_network_ids()
to authenticated;

revoke all on function
  public.create_network(text, public.network_kind, text, text, uuid, text, text,
    public.network_visibility, public.network_join_policy, boolean, text[], date),
  public.join_network(uuid),
  public.request_to_join(uuid, text),
  public.withdraw_join_request(uuid),
  public.decide_join_request(uuid, boolean),
  public.invite_to_network(uuid, text, uuid, public.network_role, text),
  public.respond_to_invitation(uuid, boolean),
  public.revoke_invitation(uuid),
  public.leave_network(uuid),
  public.remove_network_member(uuid, uuid),
  public.set_network_member_role(uuid, uuid, public.network_role),
  public.archive_network(uuid),
  public.restore_network(uuid),
  public.mark_network_reviewed(uuid, date),
  public.send_network_review_reminders(date),
  public.record_network_visit(uuid),
  public.search_people_to_invite(uuid, text)
from public, anon;
grant execute on function
  public.create_network(text, public.network_kind, text, text, uuid, text, text,
    public.network_visibility, public.network_join_policy, boolean, text[], date),
  public.join_network(uuid),
  public.request_to_join(uuid, text),
  public.withdraw_join_request(uuid),
  public.decide_join_request(uuid, boolean),
  public.invite_to_network(uuid, text, uuid, public.network_role, text),
  public.respond_to_invitation(uuid, boolean),
  public.revoke_invitation(uuid),
  public.leave_network(uuid),
  public.remove_network_member(uuid, uuid),
  public.set_network_member_role(uuid, uuid, public.network_role),
  public.archive_network(uuid),
  public.restore_network(uuid),
  public.mark_network_reviewed(uuid, date),
  public.record_network_visit(uuid),
  public.search_people_to_invite(uuid, text)
to authenticated;
revoke all on function public.send_network_review_reminders(date) from authenticated;
grant execute on function public.send_network_review_reminders(date) to service_role;

-- Row level security -------------------------------------------------------------------------

alter table public.networks enable row level security;
alter table public.network_members enable row level security;
alter table public.network_join_requests enable row level security;
alter table public.network_invitations enable row level security;
alter table public.network_visits enable row level security;

create policy "active users read networks they may see and those they are invited to"
on public.networks for select to authenticated
using (
  id in (select private.readable_network_ids())
  or (
    (select private.is_active_user())
    and id in (
      select invitation.network_id from public.network_invitations as invitation
      where invitation.status = 'pending'
        and (invitation.invited_user_id = (select auth.uid())
          or invitation.email = lower((select auth.email())))
    )
  )
);

create policy "coordinators change their network's settings"
on public.networks for update to authenticated
using (id in (select private.coordinated_network_ids()))
with check (id in (select private.coordinated_network_ids()));

create policy "readers of a network see its active members"
on public.network_members for select to authenticated
using (
  network_id in (select private.readable_network_ids())
  and private.has_active_home_membership(user_id)
);

create policy "people see their own join requests, coordinators their network's"
on public.network_join_requests for select to authenticated
using (
  (user_id = (select auth.uid()) and (select private.is_active_user()))
  or network_id in (select private.coordinated_network_ids())
);

create policy "invitees see their invitations, coordinators their network's"
on public.network_invitations for select to authenticated
using (
  ((invited_user_id = (select auth.uid()) or email = lower((select auth.email())))
    and (select private.is_active_user()))
  or network_id in (select private.coordinated_network_ids())
);

create policy "people see their own visits"
on public.network_visits for select to authenticated
using (user_id = (select auth.uid()) and (select private.is_active_user()));

-- Indexes ------------------------------------------------------------------------------------

create index networks_owner_organisation_id_idx on public.networks (owner_organisation_id);
create index networks_last_activity_at_idx on public.networks (last_activity_at desc);
create index networks_search_vector_idx on public.networks using gin (search_vector);
create index networks_topics_idx on public.networks using gin (topics);
create index network_members_user_id_idx on public.network_members (user_id);
create index network_join_requests_network_id_idx on public.network_join_requests (network_id, status);
create unique index network_join_requests_one_pending_idx
  on public.network_join_requests (network_id, user_id) where status = 'pending';
create index network_join_requests_user_id_idx on public.network_join_requests (user_id);
create index network_invitations_network_id_idx on public.network_invitations (network_id, status);
create index network_invitations_invited_user_id_idx on public.network_invitations (invited_user_id);
create index network_invitations_email_idx on public.network_invitations (email);
