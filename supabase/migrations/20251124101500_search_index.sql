-- The knowledge library's search index (issue 8, decision 018).
--
-- One row per thing a reader can find: a published document (its latest version), a sparring
-- question, a discussion thread, a news item, a training, a good practice. Each part keeps its
-- rows current with triggers that call private.index_search_item / private.unindex_search_item,
-- so the index is maintained by the database on a real Supabase project too.
--
-- The text is indexed twice into one tsvector: by Postgres' own stemmer (Finnish for Finnish
-- content, Swedish for Swedish) and, in the lemmas_* columns, by Voikko's base forms and
-- compound parts, which the server's indexer writes (server/search) when libvoikko is installed.
-- Without it those columns stay empty and search falls back on the stemmer alone.
--
-- Who sees a row is decided here, by the same rules as its source: each part adds a select
-- policy for its own source_type, mirroring that source's own read policy. The search functions
-- are security invoker, so a reader never finds what they could not open.

create extension if not exists pg_trgm with schema extensions;

create table public.search_items (
  id uuid primary key default gen_random_uuid(),
  source_type text not null check (source_type in (
    'document', 'sparring_question', 'discussion_thread', 'news', 'training', 'good_practice'
  )),
  source_id uuid not null,
  -- The "type" facet: a document's kind (guidance, interpretation, …), otherwise source_type.
  kind text not null check (kind ~ '^[a-z_]{1,40}$'),
  -- Where the result opens, relative to the site (e.g. /library/tyottomyysturva-ohje).
  path text not null check (path ~ '^/[^/]'),
  language text not null default 'fi' check (language in ('fi', 'sv')),
  title text not null check (length(title) <= 1000),
  summary text not null default '',
  body text not null default '',
  organisation_id uuid references public.organisations (id) on delete set null,
  network_id uuid references public.networks (id) on delete cascade,
  section_ids uuid[] not null default '{}',
  -- Derived from section_ids by private.index_search_item, for the "act" facet.
  act_ids text[] not null default '{}',
  topics text[] not null default '{}',
  valid_from date,
  valid_to date,
  published_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Voikko's base forms and compound parts of the title, summary and body, space separated.
  lemmas_title text not null default '',
  lemmas_summary text not null default '',
  lemmas_body text not null default '',
  -- The updated_at the lemmas were computed for; the indexer works on rows where it differs.
  lemmatised_for timestamptz,
  search_vector tsvector generated always as (
    setweight(to_tsvector(
      case when language = 'sv' then 'swedish'::regconfig else 'finnish'::regconfig end, title
    ), 'A')
    || setweight(to_tsvector(
      case when language = 'sv' then 'swedish'::regconfig else 'finnish'::regconfig end, summary
    ), 'B')
    || setweight(to_tsvector(
      case when language = 'sv' then 'swedish'::regconfig else 'finnish'::regconfig end,
      left(body, 200000)
    ), 'C')
    || setweight(to_tsvector('simple'::regconfig, lemmas_title), 'A')
    || setweight(to_tsvector('simple'::regconfig, lemmas_summary), 'B')
    || setweight(to_tsvector('simple'::regconfig, left(lemmas_body, 200000)), 'C')
  ) stored,
  constraint search_items_source unique (source_type, source_id)
);

create index search_items_vector on public.search_items using gin (search_vector);
create index search_items_published on public.search_items (published_at desc);
create index search_items_organisation on public.search_items (organisation_id);
create index search_items_network on public.search_items (network_id);
create index search_items_unlemmatised on public.search_items (updated_at)
  where lemmatised_for is distinct from updated_at;

alter table public.search_items enable row level security;

-- Puts (or refreshes) one item in the index. Text changes reset the lemmas' freshness, so the
-- indexer computes them again; the old lemmas keep serving until then.
create function private.index_search_item(
  source_type text,
  source_id uuid,
  kind text,
  path text,
  language text,
  title text,
  summary text,
  body text,
  organisation_id uuid default null,
  network_id uuid default null,
  section_ids uuid[] default '{}',
  topics text[] default '{}',
  valid_from date default null,
  valid_to date default null,
  published_at timestamptz default now()
) returns void
language sql security definer
set search_path = ''
as $$
  insert into public.search_items as item (
    source_type, source_id, kind, path, language, title, summary, body, organisation_id,
    network_id, section_ids, act_ids, topics, valid_from, valid_to, published_at, updated_at
  ) values (
    index_search_item.source_type, index_search_item.source_id, index_search_item.kind,
    index_search_item.path, coalesce(index_search_item.language, 'fi'),
    left(coalesce(index_search_item.title, ''), 1000),
    coalesce(index_search_item.summary, ''), coalesce(index_search_item.body, ''),
    index_search_item.organisation_id, index_search_item.network_id,
    coalesce(index_search_item.section_ids, '{}'),
    coalesce((
      select array_agg(distinct section.act_id order by section.act_id)
      from public.legal_sections as section
      where section.id = any (index_search_item.section_ids)
    ), '{}'),
    coalesce(index_search_item.topics, '{}'),
    index_search_item.valid_from, index_search_item.valid_to,
    coalesce(index_search_item.published_at, now()), now()
  )
  on conflict on constraint search_items_source do update set
    kind = excluded.kind,
    path = excluded.path,
    language = excluded.language,
    title = excluded.title,
    summary = excluded.summary,
    body = excluded.body,
    organisation_id = excluded.organisation_id,
    network_id = excluded.network_id,
    section_ids = excluded.section_ids,
    act_ids = excluded.act_ids,
    topics = excluded.topics,
    valid_from = excluded.valid_from,
    valid_to = excluded.valid_to,
    published_at = excluded.published_at,
    updated_at = case
      when (item.title, item.summary, item.body, item.language)
        is distinct from (excluded.title, excluded.summary, excluded.body, excluded.language)
      then now() else item.updated_at
    end
$$;

create function private.unindex_search_item(source_type text, source_id uuid) returns void
language sql security definer
set search_path = ''
as $$
  delete from public.search_items as item
  where item.source_type = unindex_search_item.source_type
    and item.source_id = unindex_search_item.source_id
$$;

-- Readers of the library: every active member who is not a guest (guests read the documents
-- shared with them, which private.reads_published answers per document).
create function private.reads_library() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(private.is_active_user() and not private.is_guest(auth.uid()), false)
$$;

-- The sources of issues 6 and 7. News, trainings and good practices add their own policies.
create policy "readers of the library find published documents"
on public.search_items for select to authenticated
using (source_type = 'document' and (
  (select private.reads_library()) or private.reads_published(source_id)
));

create policy "members of a sparring network find its questions"
on public.search_items for select to authenticated
using (source_type = 'sparring_question' and network_id in (select private.my_network_ids()));

create policy "readers of a network find its threads"
on public.search_items for select to authenticated
using (source_type = 'discussion_thread' and network_id in (select private.readable_network_ids()));

revoke all on function private.index_search_item(
  text, uuid, text, text, text, text, text, text, uuid, uuid, uuid[], text[], date, date, timestamptz
) from public, anon, authenticated;
revoke all on function private.unindex_search_item(text, uuid) from public, anon, authenticated;
revoke all on function private.reads_library() from public, anon;
grant execute on function private.reads_library() to authenticated;
