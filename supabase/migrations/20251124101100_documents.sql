-- Co-edited documents: guidance, interpretations, manuals and pages written together, live.
--
-- public.document_access(id) is the one answer to "what may the caller do with this document":
-- 'edit', 'comment', 'view' or null. Every policy below, the Remix routes and the collab server
-- ask it. The highest of these applies, for an active user only:
--   * the person who created the document: edit;
--   * active admins of the owner organisation: edit;
--   * the document's network: coordinators and members edit, observers view, and every reader of
--     a 'signed_in' network views (guests only networks they belong to, as everywhere);
--   * grants in document_permissions to the person, to their home organisation (while their
--     membership is active) or to a network they are a member of (observers at most view).
-- In an archived network, and for an archived document, everything is at most 'view'.
--
-- The live state is Yjs: document_states.ydoc is the source of truth, document_updates the log
-- of updates received since the last compaction. Only the collab server (the database owner
-- connection) writes them and the derived content, text and html of documents; no API role can
-- read or write the state, so the server is the only path into a document's body.
--
-- Every change that can change someone's access is announced on the channel
-- 'verkko_document_access' (payload {"user": id}, {"document": id} or {"network": id}), so the
-- collab server asks document_access again for the affected connections at once.

create type public.document_kind as enum (
  'guidance',
  'interpretation',
  'manual',
  'system_instruction',
  'disruption_notice',
  'good_practice',
  'page'
);
-- The editorial workflow (issue 6) moves documents through these.
create type public.document_status as enum (
  'draft', 'in_review', 'changes_requested', 'approved', 'published', 'archived'
);
-- Ordered: greatest() of two levels is the higher one.
create type public.document_access_level as enum ('view', 'comment', 'edit');

-- Tables -------------------------------------------------------------------------------------

create table public.documents (
  id uuid primary key default gen_random_uuid(),
  kind public.document_kind not null default 'guidance',
  title text not null check (btrim(title) <> '' and length(title) <= 300),
  language text not null default 'fi' check (language in ('fi', 'sv')),
  owner_organisation_id uuid not null references public.organisations (id),
  network_id uuid references public.networks (id),
  status public.document_status not null default 'draft',
  created_by uuid references public.profiles (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Derived from the live state by the collab server, all in one statement with the state.
  content jsonb,
  text text not null default '',
  html text not null default '' check (length(html) <= 5000000),
  content_updated_at timestamptz,
  last_edited_by uuid references public.profiles (id) on delete set null,
  search_vector tsvector generated always as (
    setweight(to_tsvector('finnish'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('finnish'::regconfig, left(coalesce(text, ''), 200000)), 'C')
  ) stored
);

-- The live Yjs state. Empty until the collab server first opens the document: it then builds
-- the first state from `documents.html` (imported or seeded content) or an empty paragraph, so
-- a new document is bootstrapped once on the server and never by racing clients.
create table public.document_states (
  document_id uuid primary key references public.documents (id) on delete cascade,
  ydoc bytea not null,
  state_vector bytea not null,
  -- People whose updates were merged since the last automatic snapshot.
  contributors_since_snapshot uuid[] not null default '{}',
  compacted_at timestamptz not null default now()
);

-- Updates received since the last compaction, appended in batches within 100 ms.
create table public.document_updates (
  id bigint generated always as identity primary key,
  document_id uuid not null references public.documents (id) on delete cascade,
  update bytea not null,
  author_id uuid references public.profiles (id) on delete set null,
  received_at timestamptz not null default now()
);

create table public.document_permissions (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.documents (id) on delete cascade,
  user_id uuid references public.profiles (id) on delete cascade,
  organisation_id uuid references public.organisations (id) on delete cascade,
  network_id uuid references public.networks (id) on delete cascade,
  level public.document_access_level not null,
  granted_by uuid references public.profiles (id) on delete set null default auth.uid(),
  granted_at timestamptz not null default now(),
  constraint document_permissions_one_grantee
    check (num_nonnulls(user_id, organisation_id, network_id) = 1),
  constraint document_permissions_once
    unique nulls not distinct (document_id, user_id, organisation_id, network_id)
);

-- Snapshots: automatic ones (at most every 5 minutes of activity, with who contributed since the
-- previous one), named ones, and the state a restore produced (kind 'restore', restored_from the
-- version brought back). Never changed afterwards.
create table public.document_versions (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.documents (id) on delete cascade,
  number integer not null check (number > 0),
  kind text not null check (kind in ('auto', 'named', 'restore')),
  name text check (btrim(name) <> '' and length(name) <= 200),
  content jsonb not null,
  text text not null,
  html text not null,
  contributors uuid[] not null default '{}',
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  -- For kind 'restore': the version whose content was brought back.
  restored_from uuid references public.document_versions (id) on delete set null,
  unique (document_id, number),
  constraint document_versions_named_have_names check ((kind = 'named') = (name is not null))
);

-- Restores asked for through restore_document_version(); the collab server applies each to the
-- live state as a new change (history is never rewritten) and marks it applied.
create table public.document_restores (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.documents (id) on delete cascade,
  version_id uuid not null references public.document_versions (id) on delete cascade,
  requested_by uuid references public.profiles (id) on delete set null,
  requested_at timestamptz not null default now(),
  applied_at timestamptz,
  failure text
);

-- Comments anchored to text. A thread's first comment carries the anchor: the quoted text and
-- where it started in the document's text. The collab server wraps that text in a Lexical mark
-- whose id is the thread's id (commenters cannot change the document themselves) and sets
-- anchored_at; replies have thread_id set and no anchor.
create table public.document_comments (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.documents (id) on delete cascade,
  thread_id uuid references public.document_comments (id) on delete cascade,
  quote text check (btrim(quote) <> '' and length(quote) <= 1000),
  quote_offset integer check (quote_offset >= 0),
  body text not null check (btrim(body) <> '' and length(body) <= 10000),
  mentions uuid[] not null default '{}' check (cardinality(mentions) <= 20),
  author_id uuid references public.profiles (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  anchored_at timestamptz,
  resolved_at timestamptz,
  resolved_by uuid references public.profiles (id) on delete set null,
  constraint document_comments_anchor_on_threads
    check ((thread_id is null) = (quote is not null) and (quote is null) = (quote_offset is null))
);

-- Meeting minutes can be a co-edited document.
alter table public.meetings
  add column minutes_document_id uuid references public.documents (id) on delete set null;

create index documents_network on public.documents (network_id) where network_id is not null;
create index documents_created_by on public.documents (created_by);
create index documents_owner on public.documents (owner_organisation_id);
create index documents_search on public.documents using gin (search_vector);
create index document_updates_by_document on public.document_updates (document_id, id);
create index document_permissions_by_user on public.document_permissions (user_id)
  where user_id is not null;
create index document_permissions_by_organisation on public.document_permissions (organisation_id)
  where organisation_id is not null;
create index document_permissions_by_network on public.document_permissions (network_id)
  where network_id is not null;
create index document_versions_by_document on public.document_versions (document_id, number desc);
create index document_comments_by_document on public.document_comments (document_id, created_at);
create index document_restores_pending on public.document_restores (requested_at)
  where applied_at is null;

create trigger documents_touch_updated_at
  before update on public.documents
  for each row execute function private.touch_updated_at();
create trigger document_comments_touch_updated_at
  before update on public.document_comments
  for each row execute function private.touch_updated_at();

-- Access -------------------------------------------------------------------------------------

-- What `person` may do with `document`, for any person (the caller's is document_access()).
create function private.document_access_of(person uuid, document uuid)
returns public.document_access_level
language sql stable security definer
set search_path = ''
as $$
  with target as (
    select doc.id, doc.created_by, doc.owner_organisation_id, doc.network_id, doc.status,
      network.visibility, network.archived_at as network_archived_at
    from public.documents as doc
    left join public.networks as network on network.id = doc.network_id
    where doc.id = document
  ),
  home as (
    select profile.home_organisation_id as organisation_id
    from public.profiles as profile
    where profile.id = person
  ),
  levels as (
    select 'edit'::public.document_access_level as level
    from target where target.created_by = person
    union all
    select 'edit' from target
    join public.organisation_members as membership
      on membership.organisation_id = target.owner_organisation_id
    where membership.user_id = person and membership.role = 'admin' and membership.status = 'active'
    union all
    select case when member.role = 'observer' then 'view' else 'edit' end::public.document_access_level
    from target
    join public.network_members as member on member.network_id = target.network_id
    where member.user_id = person
    union all
    select 'view' from target
    where target.visibility = 'signed_in' and not private.is_guest(person)
    union all
    select grant_row.level
    from target
    join public.document_permissions as grant_row on grant_row.document_id = target.id
    where grant_row.user_id = person
       or grant_row.organisation_id in (select home.organisation_id from home)
    union all
    select case when member.role = 'observer' then 'view' else grant_row.level end
    from target
    join public.document_permissions as grant_row on grant_row.document_id = target.id
    join public.network_members as member
      on member.network_id = grant_row.network_id and member.user_id = person
  )
  select case
    when max(levels.level) is null then null
    when (select target.status = 'archived' or target.network_archived_at is not null from target)
      then 'view'::public.document_access_level
    else max(levels.level)
  end
  from levels
  where person is not null and private.has_active_home_membership(person)
$$;

-- The caller's access to a document: 'edit', 'comment', 'view' or null. Every layer asks this.
create function public.document_access(document_id uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select private.document_access_of(auth.uid(), document_id)::text
$$;

-- The documents the caller may read, as a set a policy can hash once.
create function private.readable_document_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select doc.id
  from public.documents as doc
  where private.is_active_user()
    and (
      doc.created_by = auth.uid()
      or doc.owner_organisation_id in (select private.admin_organisation_ids())
      or doc.network_id in (select private.readable_network_ids())
      or doc.id in (
        select grant_row.document_id
        from public.document_permissions as grant_row
        where grant_row.user_id = auth.uid()
          or grant_row.organisation_id = (
            select profile.home_organisation_id from public.profiles as profile
            where profile.id = auth.uid()
          )
          or grant_row.network_id in (select private.my_network_ids())
      )
    )
$$;

create function private.require_document_access(
  document uuid,
  needed public.document_access_level
) returns void
language plpgsql stable security definer
set search_path = ''
as $$
declare
  granted public.document_access_level := private.document_access_of(auth.uid(), document);
begin
  if granted is null then
    raise exception 'no such document' using errcode = 'P0002';
  end if;
  if granted < needed then
    raise exception 'you may not % this document', needed using errcode = '42501';
  end if;
end;
$$;

-- Whether `thread` is a thread (a first comment) of `document`. security definer: a policy on
-- document_comments cannot query document_comments itself (Postgres refuses the recursion).
create function private.is_document_thread(thread uuid, document uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.document_comments as comment
    where comment.id = thread and comment.document_id = document and comment.thread_id is null
  )
$$;

-- Who may manage a document's permissions: its creator, the owner organisation's admins and
-- the coordinators of its network.
create function private.manages_document(document uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select private.is_active_user() and exists (
    select 1 from public.documents as doc
    where doc.id = document
      and (
        doc.created_by = auth.uid()
        or doc.owner_organisation_id in (select private.admin_organisation_ids())
        or doc.network_id in (select private.coordinated_network_ids())
      )
  )
$$;

-- Announcing access changes to the collab server ---------------------------------------------

create function private.announce_document_access(payload jsonb) returns void
language sql volatile
set search_path = ''
as $$
  select pg_notify('verkko_document_access', payload::text)
$$;

-- The triggers are security definer: they also fire for API roles (a coordinator saving the
-- network's settings through the REST API), who may execute no private function.
create function private.document_access_changed_by_permission() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.announce_document_access(
    jsonb_build_object('document', coalesce(new.document_id, old.document_id)));
  return null;
end;
$$;

create function private.document_access_changed_by_membership() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.announce_document_access(
    jsonb_build_object('user', coalesce(new.user_id, old.user_id)));
  return null;
end;
$$;

-- The home organisation decides organisation grants and whether someone is a guest.
create function private.document_access_changed_by_profile() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.announce_document_access(jsonb_build_object('user', new.id));
  return null;
end;
$$;

create function private.document_access_changed_by_document() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.announce_document_access(jsonb_build_object('document', new.id));
  return null;
end;
$$;

create function private.document_access_changed_by_network() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.announce_document_access(jsonb_build_object('network', new.id));
  return null;
end;
$$;

create trigger document_permissions_announce_access
  after insert or update or delete on public.document_permissions
  for each row execute function private.document_access_changed_by_permission();
create trigger network_members_announce_document_access
  after insert or update or delete on public.network_members
  for each row execute function private.document_access_changed_by_membership();
create trigger organisation_members_announce_document_access
  after update or delete on public.organisation_members
  for each row execute function private.document_access_changed_by_membership();
create trigger profiles_announce_document_access
  after update of home_organisation_id on public.profiles
  for each row when (old.home_organisation_id is distinct from new.home_organisation_id)
  execute function private.document_access_changed_by_profile();
create trigger documents_announce_access
  after update of network_id, owner_organisation_id, status, created_by on public.documents
  for each row execute function private.document_access_changed_by_document();
create trigger networks_announce_document_access
  after update of visibility, archived_at on public.networks
  for each row execute function private.document_access_changed_by_network();

-- Functions people call ----------------------------------------------------------------------

-- Creates a document owned by the caller's home organisation (or `owner_organisation`, which
-- they must be an active member of), optionally in a network they write in. `initial_html` is
-- sanitised by the caller's server and becomes the first state when the document is opened.
create function public.create_document(
  title text,
  kind public.document_kind default 'guidance',
  language text default 'fi',
  network_id uuid default null,
  owner_organisation uuid default null,
  initial_html text default ''
) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  owner uuid;
  created uuid;
begin
  perform private.require_active_user();
  if owner_organisation is null then
    select profile.home_organisation_id into owner
    from public.profiles as profile where profile.id = auth.uid();
  else
    if not exists (
      select 1 from public.organisation_members as membership
      where membership.organisation_id = owner_organisation
        and membership.user_id = auth.uid() and membership.status = 'active'
    ) then
      raise exception 'you can only create documents for your own organisation'
        using errcode = '42501';
    end if;
    owner := owner_organisation;
  end if;
  if create_document.network_id is not null
    and create_document.network_id not in (select private.writable_network_ids()) then
    raise exception 'you cannot add documents to this network' using errcode = '42501';
  end if;
  insert into public.documents (title, kind, language, owner_organisation_id, network_id, html, created_by)
  values (btrim(create_document.title), create_document.kind, create_document.language, owner,
    create_document.network_id, coalesce(initial_html, ''), auth.uid())
  returning id into created;
  perform private.record_audit('document.create', 'document', created::text, owner,
    jsonb_build_object('title', btrim(create_document.title), 'network_id', create_document.network_id));
  return created;
end;
$$;

-- Grants (or changes) a permission; exactly one of user, organisation, network.
create function public.grant_document_permission(
  document_id uuid,
  level public.document_access_level,
  user_id uuid default null,
  organisation_id uuid default null,
  network_id uuid default null
) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  granted uuid;
begin
  perform private.require_active_user();
  if not private.manages_document(grant_document_permission.document_id) then
    raise exception 'only the document''s managers can share it' using errcode = '42501';
  end if;
  if num_nonnulls(grant_document_permission.user_id, grant_document_permission.organisation_id,
      grant_document_permission.network_id) <> 1 then
    raise exception 'name exactly one person, organisation or network' using errcode = '22023';
  end if;
  insert into public.document_permissions (document_id, user_id, organisation_id, network_id, level, granted_by)
  values (grant_document_permission.document_id, grant_document_permission.user_id,
    grant_document_permission.organisation_id, grant_document_permission.network_id,
    grant_document_permission.level, auth.uid())
  on conflict on constraint document_permissions_once
  do update set level = excluded.level, granted_by = excluded.granted_by, granted_at = now()
  returning id into granted;
  perform private.record_audit('document.grant', 'document', grant_document_permission.document_id::text,
    null, jsonb_build_object('level', grant_document_permission.level,
      'user_id', grant_document_permission.user_id,
      'organisation_id', grant_document_permission.organisation_id,
      'network_id', grant_document_permission.network_id));
  return granted;
end;
$$;

create function public.revoke_document_permission(permission_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  removed public.document_permissions;
begin
  perform private.require_active_user();
  select * into removed from public.document_permissions where id = permission_id;
  if removed.id is null or not private.manages_document(removed.document_id) then
    raise exception 'no such permission' using errcode = 'P0002';
  end if;
  delete from public.document_permissions where id = permission_id;
  perform private.record_audit('document.revoke', 'document', removed.document_id::text, null,
    jsonb_build_object('level', removed.level, 'user_id', removed.user_id,
      'organisation_id', removed.organisation_id, 'network_id', removed.network_id));
end;
$$;

-- Freezes the document's current content under a name, as the next version.
create function public.name_document_version(document_id uuid, name text) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  doc public.documents;
  created uuid;
begin
  perform private.require_document_access(name_document_version.document_id, 'edit');
  select * into doc from public.documents where id = name_document_version.document_id for update;
  insert into public.document_versions (document_id, number, kind, name, content, text, html, created_by)
  values (doc.id,
    coalesce((select max(version.number) from public.document_versions as version
      where version.document_id = doc.id), 0) + 1,
    'named', btrim(name), coalesce(doc.content, '{}'), doc.text, doc.html, auth.uid())
  returning id into created;
  return created;
end;
$$;

-- Asks the collab server to bring back a version's content as a new change.
create function public.restore_document_version(version_id uuid) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  version public.document_versions;
  requested uuid;
begin
  select * into version from public.document_versions where id = version_id;
  if version.id is null then
    raise exception 'no such version' using errcode = 'P0002';
  end if;
  perform private.require_document_access(version.document_id, 'edit');
  insert into public.document_restores (document_id, version_id, requested_by)
  values (version.document_id, version.id, auth.uid())
  returning id into requested;
  perform private.record_audit('document.restore', 'document', version.document_id::text, null,
    jsonb_build_object('version', version.number));
  perform pg_notify('verkko_document_restore', requested::text);
  return requested;
end;
$$;

-- Resolves (or reopens) a comment thread: anyone who may comment.
create function public.resolve_document_comment(comment_id uuid, resolved boolean default true)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  thread public.document_comments;
begin
  select * into thread from public.document_comments where id = comment_id and thread_id is null;
  if thread.id is null then
    raise exception 'no such comment thread' using errcode = 'P0002';
  end if;
  perform private.require_document_access(thread.document_id, 'comment');
  update public.document_comments
  set resolved_at = case when resolved then now() end,
      resolved_by = case when resolved then auth.uid() end
  where id = comment_id;
end;
$$;

-- Turns a meeting's minutes into a co-edited document of the meeting's network (once; later
-- calls return the same document). Its coordinators may do this while the network is open.
create function public.create_minutes_document(meeting_id uuid) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  meeting public.meetings;
  created uuid;
begin
  perform private.require_active_user();
  select * into meeting from public.meetings where id = meeting_id for update;
  if meeting.id is null or meeting.network_id not in (select private.readable_network_ids()) then
    raise exception 'no such meeting' using errcode = 'P0002';
  end if;
  if meeting.minutes_document_id is not null then
    return meeting.minutes_document_id;
  end if;
  if meeting.network_id not in (select private.coordinated_network_ids()) then
    raise exception 'only coordinators write the minutes' using errcode = '42501';
  end if;
  created := public.create_document(
    left(meeting.title, 280) || ' – ' || to_char(meeting.starts_at at time zone 'Europe/Helsinki', 'DD.MM.YYYY'),
    'page', 'fi', meeting.network_id, null, meeting.minutes_html);
  update public.meetings set minutes_document_id = created where id = meeting.id;
  return created;
end;
$$;

-- Documents the caller created or edited, newest activity first ("my documents").
create function public.my_recent_documents(max_rows integer default 20)
returns table (
  id uuid, title text, kind public.document_kind, network_id uuid, status public.document_status,
  content_updated_at timestamptz, updated_at timestamptz, access text
)
language sql stable security invoker
set search_path = ''
as $$
  select doc.id, doc.title, doc.kind, doc.network_id, doc.status, doc.content_updated_at,
    doc.updated_at, public.document_access(doc.id)
  from public.documents as doc
  where doc.created_by = auth.uid()
     or doc.last_edited_by = auth.uid()
     or exists (
       select 1 from public.document_versions as version
       where version.document_id = doc.id and auth.uid() = any (version.contributors)
     )
  order by coalesce(doc.content_updated_at, doc.created_at) desc
  limit least(greatest(coalesce(max_rows, 20), 1), 100)
$$;

-- Comments: who is mentioned hears of it, if they may read the document ----------------------

create function private.notify_document_comment() returns trigger
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  doc public.documents;
  person uuid;
begin
  select * into doc from public.documents where id = new.document_id;
  foreach person in array new.mentions loop
    if private.document_access_of(person, doc.id) is not null then
      perform private.notify(person, 'mention', null, '/documents/' || doc.id::text,
        jsonb_build_object('actor_name', private.display_name_of(auth.uid()),
          'title', doc.title, 'excerpt', left(new.body, 200)), true);
    end if;
  end loop;
  -- The collab server anchors new threads in the text.
  if new.thread_id is null then
    perform pg_notify('verkko_document_comment', new.id::text);
  end if;
  return null;
end;
$$;

create trigger document_comments_notify
  after insert on public.document_comments
  for each row execute function private.notify_document_comment();

-- Grants -------------------------------------------------------------------------------------

revoke all on public.documents, public.document_states, public.document_updates,
  public.document_permissions, public.document_versions, public.document_restores,
  public.document_comments from anon, authenticated;
-- Not even service_role: the live state and its log have one writer, the collab server (owner).
revoke all on public.document_states, public.document_updates from service_role;
grant select on public.documents, public.document_permissions, public.document_versions,
  public.document_restores, public.document_comments to authenticated;
grant update (title, kind, language) on public.documents to authenticated;
grant insert (document_id, thread_id, quote, quote_offset, body, mentions, author_id)
  on public.document_comments to authenticated;
grant update (body) on public.document_comments to authenticated;
grant delete on public.document_comments to authenticated;

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
  private.coordinated_network_ids(),
  private.readable_document_ids(),
  private.is_document_thread(uuid, uuid)
to authenticated;

revoke all on function
  public.document_access(uuid),
  public.create_document(text, public.document_kind, text, uuid, uuid, text),
  public.grant_document_permission(uuid, public.document_access_level, uuid, uuid, uuid),
  public.revoke_document_permission(uuid),
  public.name_document_version(uuid, text),
  public.restore_document_version(uuid),
  public.resolve_document_comment(uuid, boolean),
  public.create_minutes_document(uuid),
  public.my_recent_documents(integer)
from public, anon;
grant execute on function
  public.document_access(uuid),
  public.create_document(text, public.document_kind, text, uuid, uuid, text),
  public.grant_document_permission(uuid, public.document_access_level, uuid, uuid, uuid),
  public.revoke_document_permission(uuid),
  public.name_document_version(uuid, text),
  public.restore_document_version(uuid),
  public.resolve_document_comment(uuid, boolean),
  public.create_minutes_document(uuid),
  public.my_recent_documents(integer)
to authenticated;

-- Row level security -------------------------------------------------------------------------

alter table public.documents enable row level security;
alter table public.document_states enable row level security;
alter table public.document_updates enable row level security;
alter table public.document_permissions enable row level security;
alter table public.document_versions enable row level security;
alter table public.document_restores enable row level security;
alter table public.document_comments enable row level security;
-- document_states and document_updates have no policies: only the owner (collab server) reads them.

create policy "people read the documents they may open"
on public.documents for select to authenticated
using (id in (select private.readable_document_ids()));

create policy "editors rename and reclassify documents"
on public.documents for update to authenticated
using (public.document_access(id) = 'edit')
with check (public.document_access(id) = 'edit');

create policy "readers of a document see who it is shared with"
on public.document_permissions for select to authenticated
using (document_id in (select private.readable_document_ids()));

create policy "readers of a document see its versions"
on public.document_versions for select to authenticated
using (document_id in (select private.readable_document_ids()));

create policy "readers of a document see its restores"
on public.document_restores for select to authenticated
using (document_id in (select private.readable_document_ids()));

create policy "readers of a document read its comments"
on public.document_comments for select to authenticated
using (document_id in (select private.readable_document_ids()));

create policy "commenters comment, as themselves, on open threads' documents"
on public.document_comments for insert to authenticated
with check (
  author_id = (select auth.uid())
  and public.document_access(document_id) in ('comment', 'edit')
  and (thread_id is null or private.is_document_thread(thread_id, document_id))
);

create policy "authors edit their own comments while they may comment"
on public.document_comments for update to authenticated
using (author_id = (select auth.uid()) and public.document_access(document_id) in ('comment', 'edit'))
with check (author_id = (select auth.uid()) and public.document_access(document_id) in ('comment', 'edit'));

create policy "authors delete their own comments, editors any"
on public.document_comments for delete to authenticated
using (
  (author_id = (select auth.uid()) and public.document_access(document_id) in ('comment', 'edit'))
  or public.document_access(document_id) = 'edit'
);
