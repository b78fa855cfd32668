-- Meetings and events with registration, agenda and minutes; and a network's tasks.
--
-- Coordinators arrange meetings and write their agenda and minutes; coordinators and members
-- register (a full meeting puts people on a waiting list, and a cancellation moves the first of
-- them up). Coordinators and members create tasks; a task's owner and creator move it along,
-- coordinators manage them all. Observers read; nothing changes in an archived network.

create type public.registration_status as enum ('registered', 'waitlisted', 'cancelled');
create type public.task_status as enum ('not_started', 'in_progress', 'done');

-- Tables -------------------------------------------------------------------------------------

create table public.meetings (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  title text not null check (btrim(title) <> '' and length(title) <= 200),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  location text check (length(location) <= 500),
  video_url text check (video_url ~ '^https://[^\s]+$' and length(video_url) <= 2000),
  -- Null: no limit.
  capacity integer check (capacity between 1 and 100000),
  registration_open boolean not null default true,
  agenda_html text not null default '' check (length(agenda_html) <= 200000),
  agenda_text text not null default '' check (length(agenda_text) <= 20000),
  minutes_html text not null default '' check (length(minutes_html) <= 400000),
  minutes_text text not null default '' check (length(minutes_text) <= 40000),
  registered_count integer not null default 0,
  waitlisted_count integer not null default 0,
  created_by uuid not null default auth.uid() references public.profiles (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  cancelled_at timestamptz,
  constraint meetings_end_after_start check (ends_at > starts_at),
  constraint meetings_at_most_a_week check (ends_at - starts_at <= interval '7 days')
);

create table public.meeting_registrations (
  meeting_id uuid not null references public.meetings (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  network_id uuid not null references public.networks (id) on delete cascade,
  status public.registration_status not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (meeting_id, user_id)
);

create table public.tasks (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  title text not null check (btrim(title) <> '' and length(title) <= 200),
  description text not null default '' check (length(description) <= 10000),
  owner_id uuid references public.profiles (id) on delete set null,
  due_date date,
  status public.task_status not null default 'not_started',
  created_by uuid not null default auth.uid() references public.profiles (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz
);

-- Triggers -----------------------------------------------------------------------------------

create trigger meetings_touch_updated_at
before update on public.meetings
for each row execute function private.touch_updated_at();

create trigger meetings_touch_network
after insert on public.meetings
for each row execute function private.touch_network_activity();

create function private.meeting_link(meeting public.meetings) returns text
language sql stable security definer
set search_path = ''
as $$
  select '/networks/' || network.slug || '/meetings/' || meeting.id
  from public.networks as network where network.id = meeting.network_id
$$;

create function private.meeting_display(meeting public.meetings) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select private.network_display(network)
    || jsonb_build_object('title', meeting.title, 'starts_at', meeting.starts_at)
  from public.networks as network where network.id = meeting.network_id
$$;

-- A meeting's time or place changing, or its cancellation, reaches everyone registered.
create function private.after_meeting_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  person uuid;
begin
  if new.starts_at is distinct from old.starts_at or new.ends_at is distinct from old.ends_at
    or new.location is distinct from old.location or new.video_url is distinct from old.video_url
    or new.cancelled_at is distinct from old.cancelled_at then
    for person in
      select registration.user_id from public.meeting_registrations as registration
      where registration.meeting_id = new.id and registration.status <> 'cancelled'
    loop
      perform private.notify(
        person, 'registration_changed', new.network_id, private.meeting_link(new),
        private.meeting_display(new) || jsonb_build_object(
          'status', case when new.cancelled_at is not null then 'meeting_cancelled' else 'meeting_changed' end
        ),
        true
      );
    end loop;
  end if;
  return null;
end;
$$;

create trigger meetings_after_update
after update on public.meetings
for each row execute function private.after_meeting_change();

-- Only the network's active members may own a task; completion is timestamped.
create function private.prepare_task() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.owner_id is not null
    and (tg_op = 'INSERT' or new.owner_id is distinct from old.owner_id)
    and not exists (
      select 1 from public.network_members as member
      where member.network_id = new.network_id and member.user_id = new.owner_id
        and member.role in ('coordinator', 'member')
        and private.has_active_home_membership(new.owner_id)
    ) then
    raise exception 'a task''s owner must be a member of the network' using errcode = '23514';
  end if;
  if new.status = 'done' and (tg_op = 'INSERT' or old.status <> 'done') then
    new.completed_at := now();
  elsif new.status <> 'done' then
    new.completed_at := null;
  end if;
  new.updated_at := now();
  return new;
end;
$$;

create trigger tasks_prepare
before insert or update on public.tasks
for each row execute function private.prepare_task();

create trigger tasks_touch_network
after insert on public.tasks
for each row execute function private.touch_network_activity();

-- A task given to someone reaches them (addressed to them: muting does not silence it).
create function private.after_task_assignment() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.owner_id is not null and (tg_op = 'INSERT' or new.owner_id is distinct from old.owner_id) then
    perform private.notify(
      new.owner_id, 'task_assigned', new.network_id,
      (select '/networks/' || network.slug || '/tasks#task-' || new.id
       from public.networks as network where network.id = new.network_id),
      (select private.network_display(network) from public.networks as network where network.id = new.network_id)
        || jsonb_build_object('title', new.title, 'due_date', new.due_date,
             'actor_name', private.display_name_of(auth.uid())),
      true
    );
  end if;
  return null;
end;
$$;

create trigger tasks_after_assignment
after insert or update of owner_id on public.tasks
for each row execute function private.after_task_assignment();

-- Functions: registration --------------------------------------------------------------------

create function private.lock_meeting_for_registration(meeting uuid) returns public.meetings
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  found public.meetings;
begin
  perform private.require_active_user();
  select * into found from public.meetings as candidate
  where candidate.id = meeting and candidate.network_id in (select private.readable_network_ids())
  for update;
  if found.id is null then
    raise exception 'no such meeting' using errcode = 'P0002';
  end if;
  if found.network_id not in (select private.writable_network_ids()) then
    raise exception 'only the network''s members can register' using errcode = '42501';
  end if;
  return found;
end;
$$;

create function private.recount_registrations(meeting uuid) returns void
language sql volatile security definer
set search_path = ''
as $$
  update public.meetings as target set
    registered_count = (select count(*) from public.meeting_registrations as r
                        where r.meeting_id = meeting and r.status = 'registered'
                          and private.has_active_home_membership(r.user_id)),
    waitlisted_count = (select count(*) from public.meeting_registrations as r
                        where r.meeting_id = meeting and r.status = 'waitlisted'
                          and private.has_active_home_membership(r.user_id))
  where target.id = meeting
$$;

-- People deactivated by their home organisation free their places (and count again when
-- reactivated), like they drop out of networks' active members.
create function private.recount_registrations_after_home_membership_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  person uuid;
  meeting uuid;
begin
  if tg_op = 'DELETE' then
    person := old.user_id;
  else
    person := new.user_id;
  end if;
  for meeting in
    select registration.meeting_id from public.meeting_registrations as registration
    where registration.user_id = person and registration.status <> 'cancelled'
  loop
    perform private.recount_registrations(meeting);
  end loop;
  return null;
end;
$$;

create trigger organisation_members_recount_registrations
after insert or update of status or delete on public.organisation_members
for each row execute function private.recount_registrations_after_home_membership_change();

-- Registers the caller, or puts them on the waiting list when the meeting is full.
create function public.register_for_meeting(meeting_id uuid) returns public.registration_status
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  meeting public.meetings := private.lock_meeting_for_registration(register_for_meeting.meeting_id);
  current_status public.registration_status;
  new_status public.registration_status;
begin
  if not meeting.registration_open or meeting.cancelled_at is not null or meeting.ends_at < now() then
    raise exception 'registration for this meeting is closed' using errcode = '55000';
  end if;
  select registration.status into current_status from public.meeting_registrations as registration
  where registration.meeting_id = meeting.id and registration.user_id = auth.uid();
  if current_status in ('registered', 'waitlisted') then
    return current_status;
  end if;
  new_status := case
    when meeting.capacity is null or meeting.registered_count < meeting.capacity then 'registered'
    else 'waitlisted'
  end::public.registration_status;
  insert into public.meeting_registrations (meeting_id, user_id, network_id, status)
  values (meeting.id, auth.uid(), meeting.network_id, new_status)
  on conflict on constraint meeting_registrations_pkey
  do update set status = excluded.status, updated_at = now(), created_at = now();
  perform private.recount_registrations(meeting.id);
  perform private.notify(
    meeting.created_by, 'registration_changed', meeting.network_id, private.meeting_link(meeting),
    private.meeting_display(meeting) || jsonb_build_object(
      'status', new_status, 'actor_name', private.display_name_of(auth.uid())
    ),
    false
  );
  return new_status;
end;
$$;

-- Cancels the caller's registration; the first on the waiting list takes the freed place.
create function public.cancel_meeting_registration(meeting_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  meeting public.meetings := private.lock_meeting_for_registration(cancel_meeting_registration.meeting_id);
  promoted uuid;
begin
  update public.meeting_registrations as registration
  set status = 'cancelled', updated_at = now()
  where registration.meeting_id = meeting.id and registration.user_id = auth.uid()
    and registration.status <> 'cancelled';
  if not found then
    raise exception 'you are not registered' using errcode = 'P0002';
  end if;
  select registration.user_id into promoted
  from public.meeting_registrations as registration
  where registration.meeting_id = meeting.id and registration.status = 'waitlisted'
    and private.has_active_home_membership(registration.user_id)
  order by registration.created_at
  limit 1;
  if promoted is not null and (
    meeting.capacity is null
    or (select count(*) from public.meeting_registrations as r
        where r.meeting_id = meeting.id and r.status = 'registered'
          and private.has_active_home_membership(r.user_id)) < meeting.capacity
  ) then
    update public.meeting_registrations as registration
    set status = 'registered', updated_at = now()
    where registration.meeting_id = meeting.id and registration.user_id = promoted;
    perform private.notify(
      promoted, 'registration_changed', meeting.network_id, private.meeting_link(meeting),
      private.meeting_display(meeting) || jsonb_build_object('status', 'promoted'), true
    );
  end if;
  perform private.recount_registrations(meeting.id);
  perform private.notify(
    meeting.created_by, 'registration_changed', meeting.network_id, private.meeting_link(meeting),
    private.meeting_display(meeting) || jsonb_build_object(
      'status', 'cancelled', 'actor_name', private.display_name_of(auth.uid())
    ),
    false
  );
end;
$$;

-- Grants -------------------------------------------------------------------------------------

revoke all on public.meetings, public.meeting_registrations, public.tasks from anon, authenticated;
grant select, delete on public.meetings, public.tasks to authenticated;
grant select on public.meeting_registrations to authenticated;
grant insert (network_id, title, starts_at, ends_at, location, video_url, capacity,
  registration_open, agenda_html, agenda_text, minutes_html, minutes_text)
  on public.meetings to authenticated;
grant update (title, starts_at, ends_at, location, video_url, capacity, registration_open,
  agenda_html, agenda_text, minutes_html, minutes_text, cancelled_at)
  on public.meetings to authenticated;
grant insert (network_id, title, description, owner_id, due_date, status) on public.tasks to authenticated;
grant update (title, description, owner_id, due_date, status) on public.tasks to authenticated;

revoke all on function private.meeting_link(public.meetings), private.meeting_display(public.meetings),
  private.after_meeting_change(), private.prepare_task(), private.after_task_assignment(),
  private.lock_meeting_for_registration(uuid), private.recount_registrations(uuid),
  private.recount_registrations_after_home_membership_change()
from public, anon, authenticated;
revoke all on function public.register_for_meeting(uuid), public.cancel_meeting_registration(uuid)
  from public, anon;
grant execute on function public.register_for_meeting(uuid), public.cancel_meeting_registration(uuid)
  to authenticated;

-- Row level security -------------------------------------------------------------------------

alter table public.meetings enable row level security;
alter table public.meeting_registrations enable row level security;
alter table public.tasks enable row level security;

create policy "readers of a network see its meetings"
on public.meetings for select to authenticated
using (network_id in (select private.readable_network_ids()));

create policy "coordinators arrange meetings"
on public.meetings for insert to authenticated
with check (
  created_by = (select auth.uid())
  and network_id in (select private.coordinated_network_ids())
);

create policy "coordinators change meetings"
on public.meetings for update to authenticated
using (network_id in (select private.coordinated_network_ids()))
with check (network_id in (select private.coordinated_network_ids()));

create policy "coordinators delete meetings"
on public.meetings for delete to authenticated
using (network_id in (select private.coordinated_network_ids()));

create policy "readers of a network see who has registered"
on public.meeting_registrations for select to authenticated
using (
  network_id in (select private.readable_network_ids())
  and private.has_active_home_membership(user_id)
);

create policy "readers of a network see its tasks"
on public.tasks for select to authenticated
using (network_id in (select private.readable_network_ids()));

create policy "members create tasks in networks they write in"
on public.tasks for insert to authenticated
with check (
  created_by = (select auth.uid())
  and network_id in (select private.writable_network_ids())
);

create policy "owners, creators and coordinators move tasks along"
on public.tasks for update to authenticated
using (
  network_id in (select private.coordinated_network_ids())
  or (network_id in (select private.writable_network_ids())
      and (owner_id = (select auth.uid()) or created_by = (select auth.uid())))
)
with check (network_id in (select private.writable_network_ids()));

create policy "creators and coordinators delete tasks"
on public.tasks for delete to authenticated
using (
  network_id in (select private.coordinated_network_ids())
  or (network_id in (select private.writable_network_ids()) and created_by = (select auth.uid()))
);

-- Indexes ------------------------------------------------------------------------------------

create index meetings_network_starts_idx on public.meetings (network_id, starts_at);
create index meetings_created_by_idx on public.meetings (created_by);
create index meeting_registrations_user_id_idx on public.meeting_registrations (user_id);
create index meeting_registrations_network_id_idx on public.meeting_registrations (network_id);
create index meeting_registrations_waitlist_idx
  on public.meeting_registrations (meeting_id, created_at) where status = 'waitlisted';
create index tasks_network_status_idx on public.tasks (network_id, status, due_date);
create index tasks_owner_id_idx on public.tasks (owner_id);
create index tasks_created_by_idx on public.tasks (created_by);
