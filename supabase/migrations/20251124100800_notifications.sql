-- Notifications: what a person should know happened, the unread count in the header, and the
-- daily e-mail digest.
--
-- Rows are written only by private.notify(), which the features' own security definer functions
-- and triggers call; no API role inserts. A recipient reads, marks read and deletes their own.
-- What a notification shows (names, titles) is captured in `data` when it is created, so reading
-- one never needs access to the thing it is about, and it still reads right after a rename. The
-- page its `link` leads to checks access again.
--
-- `data` by kind (every key optional; the interface falls back to a neutral wording):
--   every kind           actor_name, network_name_fi, network_name_sv (private.network_display)
--   join_request         (to coordinators) actor_name asks to join the network
--   join_decided         approved (boolean): the decision on the recipient's own request
--   invitation           actor_name invites the recipient to the network
--   new_thread, reply    title: the thread's title; excerpt: the start of the post
--   mention              title: where the recipient was mentioned; excerpt
--   task_assigned        title: the task's title
--   registration_changed title: the meeting or event; status: 'registered', 'waitlisted' or
--                        'cancelled' (actor_name's registration, to the organiser), 'promoted'
--                        (off the waiting list), 'meeting_changed' or 'meeting_cancelled'
--   review_due           the network's yearly review is due (to its coordinators)
--
-- How much of a network reaches a person, per network (network_notification_settings):
--   'all'      also every new thread and the rest of the network's chatter (private.notify_watchers)
--   'default'  (no row) what concerns them: replies in their threads, join requests when they
--              coordinate, changes to their registrations, and everything addressed to them
--   'mute'     only what is addressed to them
-- Mute silences a network's chatter (new threads, replies, join requests to coordinators,
-- registration changes), never what is addressed to the person: mentions, task assignments,
-- decisions on their own join request and invitations. Callers pass direct => true for those.
--
-- Every insert, change of read_at and delete is announced with pg_notify on the channel
-- 'verkko_notifications', the payload being the recipient's id and nothing else; the server's
-- live hub tells that person's open pages to fetch their unread count again (through RLS).

-- Tables -------------------------------------------------------------------------------------

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  recipient_id uuid not null references public.profiles (id) on delete cascade,
  kind text not null check (kind in (
    'join_request', 'join_decided', 'invitation', 'new_thread', 'reply', 'mention',
    'task_assigned', 'registration_changed', 'review_due'
  )),
  network_id uuid references public.networks (id) on delete cascade,
  actor_id uuid references public.profiles (id) on delete set null,
  -- A path on this site: "/x", never "//host" or "/\host" (both lead off-site in browsers).
  link text not null check (
    link ~ '^/([^/\\]|$)' and link !~ '[\\[:cntrl:]]' and length(link) <= 2048
  ),
  data jsonb not null default '{}' check (jsonb_typeof(data) = 'object'),
  created_at timestamptz not null default now(),
  read_at timestamptz,
  digested_at timestamptz
);

create table public.network_notification_settings (
  user_id uuid not null references public.profiles (id) on delete cascade,
  network_id uuid not null references public.networks (id) on delete cascade,
  -- 'default' is never stored: choosing it deletes the row.
  level text not null check (level in ('all', 'default', 'mute')),
  updated_at timestamptz not null default now(),
  primary key (user_id, network_id)
);

create table public.notification_preferences (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  daily_digest boolean not null default true,
  updated_at timestamptz not null default now()
);

-- Announcing changes to the live hub -----------------------------------------------------------

create function private.announce_notification_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform pg_notify(
    'verkko_notifications',
    (case when tg_op = 'DELETE' then old.recipient_id else new.recipient_id end)::text
  );
  return null;
end;
$$;

create trigger notifications_announce_insert
  after insert on public.notifications
  for each row execute function private.announce_notification_change();

-- Other tabs of the same person update their count when one of them marks something read.
create trigger notifications_announce_read
  after update of read_at on public.notifications
  for each row when (old.read_at is distinct from new.read_at)
  execute function private.announce_notification_change();

create trigger notifications_announce_delete
  after delete on public.notifications
  for each row execute function private.announce_notification_change();

-- Creating notifications (for the features' security definer functions and triggers) ----------

-- Notifies `recipient` of something the caller (auth.uid(), the actor) did. Does nothing for no
-- recipient, for the actor themselves, for anyone without an active membership, and (unless
-- `direct`) for someone who muted `network`. See the top of this file for what is direct.
create function private.notify(
  recipient uuid,
  kind text,
  network uuid,
  link text,
  data jsonb,
  direct boolean default false
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  actor uuid := auth.uid();
begin
  if recipient is null or recipient = actor then
    return;
  end if;
  if not private.has_active_home_membership(recipient) then
    return;
  end if;
  -- What happens in a network reaches only its readers (not someone who has left a members-only
  -- network since replying there); invitations and join decisions reach people not yet in it.
  if network is not null and kind not in ('invitation', 'join_decided')
    and not private.person_reads_network(recipient, network) then
    return;
  end if;
  if not coalesce(direct, false) and network is not null and exists (
    select 1
    from public.network_notification_settings as setting
    where setting.user_id = recipient and setting.network_id = network and setting.level = 'mute'
  ) then
    return;
  end if;
  -- The insert trigger announces it on 'verkko_notifications'.
  insert into public.notifications (recipient_id, kind, network_id, actor_id, link, data)
  values (recipient, kind, network, actor, link, coalesce(data, '{}'));
end;
$$;

-- Network chatter for the members who asked for all of it (level 'all'), except `exclude` (the
-- people the caller notifies in their own words, such as the thread's participants).
create function private.notify_watchers(
  network uuid,
  kind text,
  link text,
  data jsonb,
  exclude uuid[] default '{}'
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  watcher uuid;
begin
  for watcher in
    select member.user_id
    from public.network_members as member
    join public.network_notification_settings as setting
      on setting.user_id = member.user_id and setting.network_id = member.network_id
    where member.network_id = network
      and setting.level = 'all'
      and member.user_id <> all (array_remove(coalesce(exclude, '{}'), null))
  loop
    perform private.notify(watcher, kind, network, link, data, false);
  end loop;
end;
$$;

-- What a person does with their own notifications ---------------------------------------------

-- Marks the caller's unread notifications read: those in `ids`, or all of them when null.
-- Security invoker: RLS and the column grant decide, as for a direct update.
create function public.mark_notifications_read(ids uuid[] default null) returns integer
language sql volatile
set search_path = ''
as $$
  with marked as (
    update public.notifications as notification
    set read_at = now()
    where notification.recipient_id = (select auth.uid())
      and notification.read_at is null
      and (mark_notifications_read.ids is null or notification.id = any (mark_notifications_read.ids))
    returning notification.id
  )
  select count(*)::integer from marked
$$;

-- 'all', 'default' or 'mute' for a network the caller can read. Errors: 42501 not an active
-- member of the platform, 22023 no such level, P0002 no such network (or not readable).
create function public.set_network_notification_level(network_id uuid, level text) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  caller uuid := auth.uid();
  network uuid := set_network_notification_level.network_id;
  new_level text := set_network_notification_level.level;
begin
  if caller is null or not private.is_active_user() then
    raise exception 'only active members choose notification levels' using errcode = '42501';
  end if;
  if new_level is null or new_level not in ('all', 'default', 'mute') then
    raise exception 'level must be all, default or mute, not %', coalesce(new_level, 'null')
      using errcode = '22023';
  end if;
  if network is null or not exists (
    select 1 from private.readable_network_ids() as readable (id) where readable.id = network
  ) then
    raise exception 'network % not found', network using errcode = 'P0002';
  end if;
  if new_level = 'default' then
    delete from public.network_notification_settings as setting
    where setting.user_id = caller and setting.network_id = network;
  else
    insert into public.network_notification_settings as setting (user_id, network_id, level)
    values (caller, network, new_level)
    on conflict (user_id, network_id) do update set level = excluded.level, updated_at = now();
  end if;
end;
$$;

-- Whether the caller gets the daily e-mail digest of their unread notifications.
create function public.set_daily_digest(enabled boolean) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
begin
  if caller is null or not private.is_active_user() then
    raise exception 'only active members choose e-mail digests' using errcode = '42501';
  end if;
  if enabled is null then
    raise exception 'enabled must be true or false' using errcode = '22023';
  end if;
  insert into public.notification_preferences as preference (user_id, daily_digest)
  values (caller, enabled)
  on conflict (user_id) do update set daily_digest = excluded.daily_digest, updated_at = now();
end;
$$;

-- The daily digest (the server's background job, as service_role) -----------------------------

-- For every active person who has not turned the digest off: their unread notifications created
-- before `cutoff` that no digest has carried yet, oldest first, and it marks exactly those as
-- digested, so each notification is e-mailed at most once. Rows another run has locked are
-- skipped, so two servers running the job at once do not send the same notification twice.
create function public.collect_notification_digests(cutoff timestamptz)
returns table (
  recipient_id uuid,
  email text,
  display_name text,
  preferred_locale text,
  notifications jsonb
)
language sql volatile security definer
set search_path = ''
as $$
  with due as (
    select notification.id
    from public.notifications as notification
    join auth.users as account on account.id = notification.recipient_id
    left join public.notification_preferences as preference
      on preference.user_id = notification.recipient_id
    where notification.read_at is null
      and notification.digested_at is null
      and notification.created_at < collect_notification_digests.cutoff
      and account.email is not null
      and preference.daily_digest is not false
      and private.has_active_home_membership(notification.recipient_id)
    for update of notification skip locked
  ),
  marked as (
    update public.notifications as notification
    set digested_at = now()
    from due
    where notification.id = due.id
    returning notification.recipient_id, notification.id, notification.kind, notification.link,
      notification.data, notification.created_at
  )
  select
    marked.recipient_id,
    account.email::text,
    profile.display_name,
    profile.preferred_locale,
    jsonb_agg(
      jsonb_build_object(
        'kind', marked.kind,
        'link', marked.link,
        'data', marked.data,
        'created_at', marked.created_at
      )
      order by marked.created_at, marked.id
    )
  from marked
  join public.profiles as profile on profile.id = marked.recipient_id
  join auth.users as account on account.id = marked.recipient_id
  group by marked.recipient_id, account.email, profile.display_name, profile.preferred_locale
  order by marked.recipient_id
$$;

-- Grants -------------------------------------------------------------------------------------
-- Nothing for anon. No API role inserts notifications or writes settings directly.

revoke all on public.notifications, public.network_notification_settings,
  public.notification_preferences from anon, authenticated;

grant select, delete on public.notifications to authenticated;
-- Marking read (and unread) is the only change a recipient makes.
grant update (read_at) on public.notifications to authenticated;
grant select on public.network_notification_settings to authenticated;
grant select on public.notification_preferences to authenticated;

revoke all on function
  private.announce_notification_change(),
  private.notify(uuid, text, uuid, text, jsonb, boolean),
  private.notify_watchers(uuid, text, text, jsonb, uuid[])
from public, anon, authenticated;

revoke all on function
  public.mark_notifications_read(uuid[]),
  public.set_network_notification_level(uuid, text),
  public.set_daily_digest(boolean)
from public, anon;
grant execute on function
  public.mark_notifications_read(uuid[]),
  public.set_network_notification_level(uuid, text),
  public.set_daily_digest(boolean)
to authenticated;

-- The digest reads e-mail addresses and marks everyone's rows: the server's job only.
revoke all on function public.collect_notification_digests(timestamptz)
  from public, anon, authenticated;
grant execute on function public.collect_notification_digests(timestamptz) to service_role;

-- Row level security -------------------------------------------------------------------------

alter table public.notifications enable row level security;
alter table public.network_notification_settings enable row level security;
alter table public.notification_preferences enable row level security;

create policy "active people read their own notifications"
  on public.notifications for select to authenticated
  using (recipient_id = (select auth.uid()) and (select private.is_active_user()));

create policy "active people mark their own notifications read"
  on public.notifications for update to authenticated
  using (recipient_id = (select auth.uid()) and (select private.is_active_user()))
  with check (recipient_id = (select auth.uid()) and (select private.is_active_user()));

create policy "active people delete their own notifications"
  on public.notifications for delete to authenticated
  using (recipient_id = (select auth.uid()) and (select private.is_active_user()));

create policy "active people read their own network notification levels"
  on public.network_notification_settings for select to authenticated
  using (user_id = (select auth.uid()) and (select private.is_active_user()));

create policy "active people read their own notification preferences"
  on public.notification_preferences for select to authenticated
  using (user_id = (select auth.uid()) and (select private.is_active_user()));

-- Indexes ------------------------------------------------------------------------------------

-- The notification page, newest first, and the policies' recipient filter.
create index notifications_recipient_created_idx
  on public.notifications (recipient_id, created_at desc, id desc);
-- The unread count in every page's header.
create index notifications_recipient_unread_idx
  on public.notifications (recipient_id) where read_at is null;
-- The daily digest's scan.
create index notifications_undigested_idx
  on public.notifications (created_at) where read_at is null and digested_at is null;
-- Cascades and set-null when a network or a person goes.
create index notifications_network_id_idx on public.notifications (network_id);
create index notifications_actor_id_idx on public.notifications (actor_id);
-- private.notify_watchers: the people who want all of a network.
create index network_notification_settings_network_level_idx
  on public.network_notification_settings (network_id, level);
