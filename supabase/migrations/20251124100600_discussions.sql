-- Discussions in a network: threads and replies in rich text, mentions, reactions, and an
-- accepted answer for question threads.
--
-- Rich text arrives as HTML already sanitised by the app and is sanitised again when shown (a
-- row written straight through the API is never trusted); `*_text` is its plain text, for
-- notifications, digests and search. Readers of the network read; coordinators and members
-- write; nobody writes in an archived network. Mentions reach only active members of the network.

create type public.thread_kind as enum ('discussion', 'question');

-- Tables -------------------------------------------------------------------------------------

create table public.discussion_threads (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  kind public.thread_kind not null default 'discussion',
  title text not null check (btrim(title) <> '' and length(title) <= 200),
  body_html text not null check (length(body_html) <= 200000),
  body_text text not null check (btrim(body_text) <> '' and length(body_text) <= 20000),
  mentions uuid[] not null default '{}' check (cardinality(mentions) <= 50),
  author_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  answer_reply_id uuid,
  reply_count integer not null default 0,
  last_activity_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  edited_at timestamptz
);

create table public.discussion_replies (
  id uuid primary key default gen_random_uuid(),
  thread_id uuid not null references public.discussion_threads (id) on delete cascade,
  -- Copied from the thread by a trigger, so policies need no join.
  network_id uuid not null references public.networks (id) on delete cascade,
  body_html text not null check (length(body_html) <= 200000),
  body_text text not null check (btrim(body_text) <> '' and length(body_text) <= 20000),
  mentions uuid[] not null default '{}' check (cardinality(mentions) <= 50),
  author_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  edited_at timestamptz
);

alter table public.discussion_threads
  add constraint discussion_threads_answer_reply_id_fkey
  foreign key (answer_reply_id) references public.discussion_replies (id) on delete set null;

-- One reaction of each kind per person on a thread or one of its replies.
create table public.discussion_reactions (
  id uuid primary key default gen_random_uuid(),
  thread_id uuid not null references public.discussion_threads (id) on delete cascade,
  reply_id uuid references public.discussion_replies (id) on delete cascade,
  network_id uuid not null references public.networks (id) on delete cascade,
  user_id uuid not null default auth.uid() references public.profiles (id) on delete cascade,
  reaction text not null check (reaction in ('thumbs_up', 'heart', 'celebrate', 'insightful', 'agree')),
  created_at timestamptz not null default now(),
  constraint discussion_reactions_once unique nulls not distinct (thread_id, reply_id, user_id, reaction)
);

-- Triggers -----------------------------------------------------------------------------------

-- Keeps only mentions of the network's active members, and fills in what the author may not set.
create function private.prepare_discussion_post() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if tg_table_name = 'discussion_replies' then
    select thread.network_id into new.network_id
    from public.discussion_threads as thread where thread.id = new.thread_id;
  end if;
  new.mentions := array(
    select distinct mentioned
    from unnest(new.mentions) as mentioned
    join public.network_members as member
      on member.user_id = mentioned and member.network_id = new.network_id
    where private.has_active_home_membership(mentioned)
  );
  if tg_op = 'UPDATE' then
    if new.body_html is distinct from old.body_html or new.body_text is distinct from old.body_text then
      new.edited_at := now();
    end if;
    -- A separate statement: plpgsql would look up new.title on a reply too, and fail (42703).
    if tg_table_name = 'discussion_threads' then
      if new.title is distinct from old.title then
        new.edited_at := now();
      end if;
    end if;
  else
    new.created_at := now();
    new.edited_at := null;
  end if;
  return new;
end;
$$;

create trigger discussion_threads_prepare
before insert or update of title, body_html, body_text, mentions on public.discussion_threads
for each row execute function private.prepare_discussion_post();

create trigger discussion_replies_prepare
before insert or update of body_html, body_text, mentions on public.discussion_replies
for each row execute function private.prepare_discussion_post();

create function private.prepare_discussion_reaction() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  select thread.network_id into new.network_id
  from public.discussion_threads as thread where thread.id = new.thread_id;
  if new.reply_id is not null and not exists (
    select 1 from public.discussion_replies as reply
    where reply.id = new.reply_id and reply.thread_id = new.thread_id
  ) then
    raise exception 'the reply is not in this thread' using errcode = '23503';
  end if;
  return new;
end;
$$;

create trigger discussion_reactions_prepare
before insert on public.discussion_reactions
for each row execute function private.prepare_discussion_reaction();

-- Notifies the people a new post mentions (addressed to them: muting does not silence it).
create function private.notify_mentions(
  post_mentions uuid[], network_id uuid, link text, data jsonb, skip uuid[]
) returns uuid[]
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  mentioned uuid;
  notified uuid[] := '{}';
begin
  foreach mentioned in array post_mentions loop
    if not mentioned = any (skip) then
      perform private.notify(mentioned, 'mention', network_id, link, data, true);
      notified := notified || mentioned;
    end if;
  end loop;
  return notified;
end;
$$;

create function private.after_thread_insert() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  network public.networks;
  link text;
  data jsonb;
  mentioned uuid[];
begin
  select * into network from public.networks where id = new.network_id;
  update public.networks set last_activity_at = now() where id = new.network_id;
  link := '/networks/' || network.slug || '/discussions/' || new.id;
  data := private.network_display(network) || jsonb_build_object(
    'title', new.title, 'actor_name', private.display_name_of(new.author_id),
    'excerpt', left(new.body_text, 200)
  );
  mentioned := private.notify_mentions(new.mentions, new.network_id, link, data, array[new.author_id]);
  perform private.notify_watchers(
    new.network_id, 'new_thread', link, data, mentioned || new.author_id
  );
  return null;
end;
$$;

create trigger discussion_threads_after_insert
after insert on public.discussion_threads
for each row execute function private.after_thread_insert();

-- A reply reaches the thread's author and everyone who has replied (muting silences it),
-- the people it mentions, and the network's watchers.
create function private.after_reply_insert() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  thread public.discussion_threads;
  network public.networks;
  link text;
  data jsonb;
  reached uuid[];
  participant uuid;
begin
  update public.discussion_threads
  set reply_count = reply_count + 1, last_activity_at = now()
  where id = new.thread_id
  returning * into thread;
  select * into network from public.networks where id = new.network_id;
  update public.networks set last_activity_at = now() where id = new.network_id;
  link := '/networks/' || network.slug || '/discussions/' || thread.id || '#reply-' || new.id;
  data := private.network_display(network) || jsonb_build_object(
    'title', thread.title, 'actor_name', private.display_name_of(new.author_id),
    'excerpt', left(new.body_text, 200)
  );
  reached := private.notify_mentions(new.mentions, new.network_id, link, data, array[new.author_id]);
  for participant in
    select thread.author_id
    union
    select reply.author_id from public.discussion_replies as reply where reply.thread_id = thread.id
  loop
    if participant <> new.author_id and not participant = any (reached) then
      perform private.notify(participant, 'reply', new.network_id, link, data, false);
      reached := reached || participant;
    end if;
  end loop;
  perform private.notify_watchers(new.network_id, 'reply', link, data, reached || new.author_id);
  return null;
end;
$$;

create trigger discussion_replies_after_insert
after insert on public.discussion_replies
for each row execute function private.after_reply_insert();

create function private.after_reply_delete() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.discussion_threads set reply_count = greatest(reply_count - 1, 0)
  where id = old.thread_id;
  return null;
end;
$$;

create trigger discussion_replies_after_delete
after delete on public.discussion_replies
for each row execute function private.after_reply_delete();

-- Functions ----------------------------------------------------------------------------------

-- Marks (or with null, unmarks) the accepted answer of a question thread: its author or a
-- coordinator may.
create function public.mark_thread_answer(thread_id uuid, reply_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  thread public.discussion_threads;
begin
  perform private.require_active_user();
  select * into thread from public.discussion_threads as candidate
  where candidate.id = mark_thread_answer.thread_id
    and candidate.network_id in (select private.readable_network_ids())
  for update;
  if thread.id is null then
    raise exception 'no such thread' using errcode = 'P0002';
  end if;
  if thread.network_id not in (select private.writable_network_ids())
    or not (thread.author_id = auth.uid() or private.is_network_coordinator(thread.network_id)) then
    raise exception 'only the asker or a coordinator can mark the answer' using errcode = '42501';
  end if;
  if thread.kind <> 'question' then
    raise exception 'only a question has an answer' using errcode = '22023';
  end if;
  if mark_thread_answer.reply_id is not null and not exists (
    select 1 from public.discussion_replies as reply
    where reply.id = mark_thread_answer.reply_id and reply.thread_id = thread.id
  ) then
    raise exception 'the reply is not in this thread' using errcode = 'P0002';
  end if;
  update public.discussion_threads set answer_reply_id = mark_thread_answer.reply_id
  where id = thread.id;
end;
$$;

-- Grants -------------------------------------------------------------------------------------

revoke all on public.discussion_threads, public.discussion_replies, public.discussion_reactions
  from anon, authenticated;
grant select, delete on public.discussion_threads, public.discussion_replies,
  public.discussion_reactions to authenticated;
grant insert (network_id, kind, title, body_html, body_text, mentions)
  on public.discussion_threads to authenticated;
grant update (title, body_html, body_text, mentions) on public.discussion_threads to authenticated;
grant insert (thread_id, body_html, body_text, mentions) on public.discussion_replies to authenticated;
grant update (body_html, body_text, mentions) on public.discussion_replies to authenticated;
grant insert (thread_id, reply_id, reaction) on public.discussion_reactions to authenticated;

revoke all on function private.prepare_discussion_post(), private.prepare_discussion_reaction(),
  private.notify_mentions(uuid[], uuid, text, jsonb, uuid[]), private.after_thread_insert(),
  private.after_reply_insert(), private.after_reply_delete()
from public, anon, authenticated;
revoke all on function public.mark_thread_answer(uuid, uuid) from public, anon;
grant execute on function public.mark_thread_answer(uuid, uuid) to authenticated;

-- Row level security -------------------------------------------------------------------------

alter table public.discussion_threads enable row level security;
alter table public.discussion_replies enable row level security;
alter table public.discussion_reactions enable row level security;

create policy "readers of a network read its threads"
on public.discussion_threads for select to authenticated
using (network_id in (select private.readable_network_ids()));

create policy "members start threads in networks they write in"
on public.discussion_threads for insert to authenticated
with check (
  author_id = (select auth.uid())
  and network_id in (select private.writable_network_ids())
);

create policy "authors edit their threads while the network is open"
on public.discussion_threads for update to authenticated
using (author_id = (select auth.uid()) and network_id in (select private.writable_network_ids()))
with check (author_id = (select auth.uid()) and network_id in (select private.writable_network_ids()));

create policy "authors and coordinators delete threads while the network is open"
on public.discussion_threads for delete to authenticated
using (
  (author_id = (select auth.uid()) and network_id in (select private.writable_network_ids()))
  or network_id in (select private.coordinated_network_ids())
);

create policy "readers of a network read its replies"
on public.discussion_replies for select to authenticated
using (network_id in (select private.readable_network_ids()));

create policy "members reply in networks they write in"
on public.discussion_replies for insert to authenticated
with check (
  author_id = (select auth.uid())
  and network_id in (select private.writable_network_ids())
);

create policy "authors edit their replies while the network is open"
on public.discussion_replies for update to authenticated
using (author_id = (select auth.uid()) and network_id in (select private.writable_network_ids()))
with check (author_id = (select auth.uid()) and network_id in (select private.writable_network_ids()));

create policy "authors and coordinators delete replies while the network is open"
on public.discussion_replies for delete to authenticated
using (
  (author_id = (select auth.uid()) and network_id in (select private.writable_network_ids()))
  or network_id in (select private.coordinated_network_ids())
);

create policy "readers of a network see its reactions"
on public.discussion_reactions for select to authenticated
using (network_id in (select private.readable_network_ids()));

create policy "members react in networks they write in"
on public.discussion_reactions for insert to authenticated
with check (
  user_id = (select auth.uid())
  and network_id in (select private.writable_network_ids())
);

create policy "people take back their own reactions"
on public.discussion_reactions for delete to authenticated
using (user_id = (select auth.uid()) and network_id in (select private.writable_network_ids()));

-- Indexes ------------------------------------------------------------------------------------

create index discussion_threads_network_activity_idx
  on public.discussion_threads (network_id, last_activity_at desc);
create index discussion_threads_author_id_idx on public.discussion_threads (author_id);
create index discussion_replies_thread_created_idx
  on public.discussion_replies (thread_id, created_at);
create index discussion_replies_network_id_idx on public.discussion_replies (network_id);
create index discussion_replies_author_id_idx on public.discussion_replies (author_id);
create index discussion_reactions_thread_id_idx on public.discussion_reactions (thread_id);
create index discussion_reactions_network_id_idx on public.discussion_reactions (network_id);
create index discussion_reactions_user_id_idx on public.discussion_reactions (user_id);
