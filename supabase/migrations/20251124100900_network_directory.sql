-- The network directory and the "what is new" counts of a network's overview, each one query.
--
-- All three functions are security invoker: they read as the caller, so the policies of
-- networks, network_members, profiles, organisations and the content tables decide what they
-- see. They only save round trips (one call instead of a page of networks plus their
-- coordinators, owners and the caller's roles); they grant nothing.

-- One page of the networks the caller may see, filtered and sorted, with the total count.
create function public.network_directory(
  search_text text default null,
  network_kind public.network_kind default null,
  owner_organisation uuid default null,
  topic text default null,
  only_mine boolean default false,
  active_since timestamptz default null,
  include_archived boolean default false,
  -- 'activity' (most recently active first), 'name_fi', 'name_sv' or 'relevance' (best match
  -- of search_text first, for "similar networks").
  sort text default 'activity',
  page_size integer default 24,
  page_offset integer default 0
) returns table (
  id uuid,
  slug text,
  kind public.network_kind,
  name_fi text,
  name_sv text,
  purpose_fi text,
  purpose_sv text,
  visibility public.network_visibility,
  join_policy public.network_join_policy,
  archived_at timestamptz,
  last_activity_at timestamptz,
  active_member_count integer,
  owner_name_fi text,
  owner_name_sv text,
  coordinators text[],
  my_role public.network_role,
  total_count bigint
)
language sql stable security invoker
set search_path = ''
as $$
  with wanted as (
    select
      nullif(btrim(network_directory.search_text), '') as words,
      -- Partial words match the names too ("työttö" finds "Työttömyysturvan …").
      '%' || replace(replace(replace(btrim(coalesce(network_directory.search_text, '')),
        '\', '\\'), '%', '\%'), '_', '\_') || '%' as pattern
  ),
  matching as (
    select network.*, count(*) over () as total,
      row_number() over (order by
        case when network_directory.sort = 'relevance' and wanted.words is not null then
          ts_rank(network.search_vector, websearch_to_tsquery('finnish'::regconfig, wanted.words))
        end desc nulls last,
        case network_directory.sort
          when 'name_fi' then lower(network.name_fi)
          when 'name_sv' then lower(coalesce(network.name_sv, network.name_fi))
        end,
        network.last_activity_at desc,
        network.id
      ) as position
    from public.networks as network, wanted
    where (
        wanted.words is null
        or network.search_vector @@ websearch_to_tsquery('finnish'::regconfig, wanted.words)
        or network.name_fi ilike wanted.pattern
        or network.name_sv ilike wanted.pattern
      )
      and (network_directory.network_kind is null or network.kind = network_directory.network_kind)
      and (network_directory.owner_organisation is null
        or network.owner_organisation_id = network_directory.owner_organisation)
      and (nullif(network_directory.topic, '') is null
        or network.topics @> array[network_directory.topic])
      and (not network_directory.only_mine
        or network.id in (select private.my_network_ids()))
      and (network_directory.active_since is null
        or network.last_activity_at >= network_directory.active_since)
      and (network_directory.include_archived or network.archived_at is null)
    order by position
    limit least(greatest(coalesce(network_directory.page_size, 24), 1), 100)
    offset greatest(coalesce(network_directory.page_offset, 0), 0)
  )
  select
    matching.id, matching.slug, matching.kind, matching.name_fi, matching.name_sv,
    matching.purpose_fi, matching.purpose_sv, matching.visibility, matching.join_policy,
    matching.archived_at, matching.last_activity_at, matching.active_member_count,
    owner.name_fi, owner.name_sv,
    array(
      select profile.display_name
      from public.network_members as member
      join public.profiles as profile on profile.id = member.user_id
      where member.network_id = matching.id and member.role = 'coordinator'
      order by profile.display_name
    ),
    (
      select member.role from public.network_members as member
      where member.network_id = matching.id and member.user_id = (select auth.uid())
    ),
    matching.total
  from matching
  left join public.organisations as owner on owner.id = matching.owner_organisation_id
  order by matching.position
$$;

-- What the directory's filters offer (the topics and owners of the networks the caller sees,
-- archived ones left out) and how many invitations are waiting for the caller.
create function public.network_directory_facets()
returns table (topics text[], owner_organisations jsonb, pending_invitations integer)
language sql stable security invoker
set search_path = ''
as $$
  select
    array(
      select distinct topic
      from public.networks as network, unnest(network.topics) as topic
      where network.archived_at is null
      order by topic
    ),
    coalesce((
      select jsonb_agg(
        jsonb_build_object('id', owner.id, 'name_fi', owner.name_fi, 'name_sv', owner.name_sv)
        order by owner.name_fi
      )
      from public.organisations as owner
      where owner.id in (
        select network.owner_organisation_id from public.networks as network
        where network.archived_at is null
      )
    ), '[]'::jsonb),
    (
      select count(*)::integer
      from public.network_invitations as invitation
      where invitation.status = 'pending'
        and (invitation.invited_user_id = (select auth.uid())
          or invitation.email = lower((select auth.email())))
    )
$$;

-- How much has happened in a network since `since` (the caller's previous visit): new threads,
-- replies, meetings and members, as far as the caller may read them.
create function public.network_news_since(network_id uuid, since timestamptz)
returns table (threads integer, replies integer, meetings integer, members integer)
language sql stable security invoker
set search_path = ''
as $$
  select
    (select count(*)::integer from public.discussion_threads as thread
      where thread.network_id = network_news_since.network_id
        and thread.created_at > network_news_since.since),
    (select count(*)::integer from public.discussion_replies as reply
      where reply.network_id = network_news_since.network_id
        and reply.created_at > network_news_since.since),
    (select count(*)::integer from public.meetings as meeting
      where meeting.network_id = network_news_since.network_id
        and meeting.created_at > network_news_since.since),
    (select count(*)::integer from public.network_members as member
      where member.network_id = network_news_since.network_id
        and member.joined_at > network_news_since.since)
$$;

revoke all on function
  public.network_directory(text, public.network_kind, uuid, text, boolean, timestamptz, boolean,
    text, integer, integer),
  public.network_directory_facets(),
  public.network_news_since(uuid, timestamptz)
from public, anon;
grant execute on function
  public.network_directory(text, public.network_kind, uuid, text, boolean, timestamptz, boolean,
    text, integer, integer),
  public.network_directory_facets(),
  public.network_news_since(uuid, timestamptz)
to authenticated;

-- The news counts look replies up by network and time.
create index discussion_replies_network_created_idx
  on public.discussion_replies (network_id, created_at);
