-- Editorial boards and publishing: the workflow that takes a co-edited document to the library.
--
-- A document's `status` is the state of its next version:
--   draft ──submit──▶ in_review ──quorum of approvals──▶ approved ──publish──▶ published
--     ▲                   │                                                      │
--     └─ changes_requested ◀── a board member asks for changes            submit again
--   any state ──archive──▶ archived ──reopen──▶ draft
-- Every transition is a function below that checks who may, writes the audit log and notifies.
--
-- Submitting freezes the document's content as a version (kind 'frozen'); the board approves that
-- frozen content, and publishing copies exactly it into published_versions, numbered 1, 2, …
-- per document. Editing the live document goes on meanwhile and never changes what was submitted
-- or published.
--
-- Two audiences:
--   * the working document (documents.content/text/html, its versions and comments): whoever
--     document_access() allows, plus 'comment' for the members of a board it was submitted to;
--   * the published versions (the library): every active user who is not a guest, and guests who
--     have access to the document. They read published_versions and library_document(), never the
--     documents row, so a draft never reaches a reader who has only the published version.
--
-- Boards: a network of kind 'editorial_board' has an editorial_boards row (made when the network
-- is) with its quorum (default 2 approvals from 2 organisations) and the review interval, and
-- scopes: the document kinds and networks it is responsible for. Its coordinators and members
-- (not observers) are its members; the submitter never approves their own submission.

-- Tables -------------------------------------------------------------------------------------

alter table public.document_versions drop constraint document_versions_kind_check;
alter table public.document_versions
  add constraint document_versions_kind_check
  check (kind in ('auto', 'named', 'restore', 'frozen'));

alter table public.documents
  -- Assigned at the first publication and never changed: /library/:slug is cited.
  add column slug text unique
    check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 90),
  add column owner_id uuid references public.profiles (id) on delete set null,
  add column review_due date,
  -- The review_due a reminder was last sent for, so each date is reminded once.
  add column review_reminded_for date,
  -- This document is the translation of `translation_of` (into the other language).
  add column translation_of uuid references public.documents (id) on delete set null
    check (translation_of is distinct from id),
  add column published_version integer,
  add column published_at timestamptz;

create table public.editorial_boards (
  network_id uuid primary key references public.networks (id) on delete cascade,
  approvals_required integer not null default 2 check (approvals_required between 1 and 10),
  organisations_required integer not null default 2 check (organisations_required between 1 and 10),
  review_interval_days integer not null default 365 check (review_interval_days between 30 and 1095),
  updated_at timestamptz not null default now(),
  constraint editorial_boards_quorum check (organisations_required <= approvals_required)
);

-- What a board is responsible for: a kind of document, or the documents of a network.
create table public.editorial_board_scopes (
  id uuid primary key default gen_random_uuid(),
  board_id uuid not null references public.editorial_boards (network_id) on delete cascade,
  document_kind public.document_kind,
  network_id uuid references public.networks (id) on delete cascade,
  constraint editorial_board_scopes_one check (num_nonnulls(document_kind, network_id) = 1),
  constraint editorial_board_scopes_once unique nulls not distinct (board_id, document_kind, network_id)
);

create type public.submission_status as enum (
  'in_review', 'changes_requested', 'approved', 'published', 'withdrawn'
);

create table public.document_submissions (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.documents (id) on delete cascade,
  board_id uuid not null references public.editorial_boards (network_id),
  -- The frozen content the board reviews and that is published.
  version_id uuid not null references public.document_versions (id),
  -- The title, kind and language as submitted: editors may change the live ones at any time, and
  -- what is published is what the board approved.
  title text,
  kind public.document_kind,
  language text,
  change_summary text not null default '' check (length(change_summary) <= 2000),
  status public.submission_status not null default 'in_review',
  approvals_required integer not null,
  organisations_required integer not null,
  submitted_by uuid references public.profiles (id) on delete set null,
  submitted_at timestamptz not null default now(),
  decided_at timestamptz
);

-- At most one submission under way per document.
create unique index document_submissions_one_open on public.document_submissions (document_id)
  where status in ('in_review', 'approved');

create table public.document_reviews (
  submission_id uuid not null references public.document_submissions (id) on delete cascade,
  reviewer_id uuid not null references public.profiles (id) on delete cascade,
  -- The reviewer's home organisation when they decided: the quorum counts organisations.
  organisation_id uuid references public.organisations (id) on delete set null,
  decision text not null check (decision in ('approve', 'request_changes')),
  comment text not null default '' check (length(comment) <= 4000),
  decided_at timestamptz not null default now(),
  primary key (submission_id, reviewer_id),
  constraint document_reviews_changes_explained
    check (decision = 'approve' or btrim(comment) <> '')
);

-- What readers see: each publication, frozen for ever.
create table public.published_versions (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.documents (id) on delete cascade,
  number integer not null check (number > 0),
  title text not null,
  kind public.document_kind not null,
  language text not null,
  content jsonb not null,
  html text not null,
  text text not null,
  change_summary text not null default '',
  -- [{reviewer_id, name, organisation_id, organisation_name_fi, organisation_name_sv, decided_at}]
  approvals jsonb not null default '[]' check (jsonb_typeof(approvals) = 'array'),
  submission_id uuid references public.document_submissions (id) on delete set null,
  owner_id uuid references public.profiles (id) on delete set null,
  owner_name text,
  owner_organisation_id uuid references public.organisations (id) on delete set null,
  -- For a translation: the source's published version this one translates.
  source_version integer,
  published_by uuid references public.profiles (id) on delete set null,
  published_at timestamptz not null default now(),
  unique (document_id, number)
);

create type public.feedback_status as enum ('new', 'in_progress', 'accepted', 'rejected', 'done');

-- Feedback and change requests from readers of a published version.
create table public.document_feedback (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.documents (id) on delete cascade,
  version_number integer not null check (version_number > 0),
  -- Which paragraph: its position in the version's text and its words (null: the whole document).
  paragraph_index integer check (paragraph_index >= 0),
  paragraph_text text check (length(paragraph_text) <= 2000),
  problem text not null check (btrim(problem) <> '' and length(problem) <= 5000),
  suggestion text check (length(suggestion) <= 5000),
  author_id uuid references public.profiles (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  status public.feedback_status not null default 'new',
  reply text check (length(reply) <= 5000),
  replied_by uuid references public.profiles (id) on delete set null,
  replied_at timestamptz,
  updated_at timestamptz not null default now()
);

-- Comment rounds (lausuntokierros) on a frozen draft.
create table public.comment_rounds (
  id uuid primary key default gen_random_uuid(),
  document_id uuid not null references public.documents (id) on delete cascade,
  version_id uuid not null references public.document_versions (id),
  title text not null check (btrim(title) <> '' and length(title) <= 300),
  instructions text not null default '' check (length(instructions) <= 5000),
  -- A copy of the frozen content and the document's title, so invited parties read it without
  -- access to the document.
  document_title text not null default '',
  html text not null,
  text text not null,
  deadline timestamptz not null,
  opened_by uuid references public.profiles (id) on delete set null,
  opened_at timestamptz not null default now(),
  -- Set when closed early or, after the deadline, by close_due_comment_rounds(). Responses are
  -- refused from the deadline on either way.
  closed_at timestamptz,
  closed_by uuid references public.profiles (id) on delete set null
);

create table public.comment_round_invitees (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references public.comment_rounds (id) on delete cascade,
  user_id uuid references public.profiles (id) on delete cascade,
  organisation_id uuid references public.organisations (id) on delete cascade,
  network_id uuid references public.networks (id) on delete cascade,
  constraint comment_round_invitees_one check (num_nonnulls(user_id, organisation_id, network_id) = 1),
  constraint comment_round_invitees_once unique nulls not distinct (round_id, user_id, organisation_id, network_id)
);

-- One response per invited party.
create table public.comment_round_responses (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references public.comment_rounds (id) on delete cascade,
  invitee_id uuid not null unique references public.comment_round_invitees (id) on delete cascade,
  responder_id uuid references public.profiles (id) on delete set null,
  submitted_at timestamptz not null default now()
);

create type public.round_item_handling as enum (
  'pending', 'accepted', 'partly_accepted', 'not_accepted', 'noted'
);

-- A response's comments: general (no paragraph) or on one paragraph of the frozen text, each with
-- what was done about it.
create table public.comment_round_items (
  id uuid primary key default gen_random_uuid(),
  response_id uuid not null references public.comment_round_responses (id) on delete cascade,
  position integer not null check (position >= 0),
  paragraph_index integer check (paragraph_index >= 0),
  paragraph_text text check (length(paragraph_text) <= 2000),
  comment text not null check (btrim(comment) <> '' and length(comment) <= 5000),
  handling public.round_item_handling not null default 'pending',
  handling_note text check (length(handling_note) <= 5000),
  handled_by uuid references public.profiles (id) on delete set null,
  handled_at timestamptz,
  unique (response_id, position)
);

alter table public.notifications drop constraint notifications_kind_check;
alter table public.notifications add constraint notifications_kind_check check (kind in (
  'join_request', 'join_decided', 'invitation', 'new_thread', 'reply', 'mention',
  'task_assigned', 'registration_changed', 'review_due',
  'review_requested', 'review_decided', 'document_published', 'translation_outdated',
  'document_review_due', 'feedback_received', 'feedback_answered',
  'comment_round_invited', 'comment_round_closed'
));

create index documents_translation_of on public.documents (translation_of)
  where translation_of is not null;
create index documents_review_due on public.documents (review_due)
  where published_version is not null and status <> 'archived';
create index editorial_board_scopes_kind on public.editorial_board_scopes (document_kind);
create index editorial_board_scopes_network on public.editorial_board_scopes (network_id);
create index document_submissions_by_document on public.document_submissions (document_id, submitted_at desc);
create index document_submissions_by_board on public.document_submissions (board_id, status);
create index published_versions_by_document on public.published_versions (document_id, number desc);
create index document_feedback_by_document on public.document_feedback (document_id, created_at desc);
create index document_feedback_by_author on public.document_feedback (author_id);
create index comment_rounds_by_document on public.comment_rounds (document_id, opened_at desc);
create index comment_rounds_open on public.comment_rounds (deadline) where closed_at is null;
create index comment_round_invitees_by_round on public.comment_round_invitees (round_id);
create index comment_round_responses_by_round on public.comment_round_responses (round_id);

create trigger editorial_boards_touch_updated_at
  before update on public.editorial_boards
  for each row execute function private.touch_updated_at();
create trigger document_feedback_touch_updated_at
  before update on public.document_feedback
  for each row execute function private.touch_updated_at();

-- Boards -------------------------------------------------------------------------------------

-- Every editorial board network is a board, responsible at first for its own documents.
create function private.create_editorial_board() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.kind = 'editorial_board' then
    insert into public.editorial_boards (network_id) values (new.id) on conflict do nothing;
    insert into public.editorial_board_scopes (board_id, network_id) values (new.id, new.id)
    on conflict do nothing;
  end if;
  return null;
end;
$$;

create trigger networks_create_editorial_board
  after insert on public.networks
  for each row execute function private.create_editorial_board();

insert into public.editorial_boards (network_id)
select id from public.networks where kind = 'editorial_board'
on conflict do nothing;
insert into public.editorial_board_scopes (board_id, network_id)
select id, id from public.networks where kind = 'editorial_board'
on conflict do nothing;

-- Whether `person` is a member of `board`: an active coordinator or member of an open board.
create function private.is_board_member_person(person uuid, board uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select person is not null and private.has_active_home_membership(person) and exists (
    select 1
    from public.network_members as member
    join public.networks as network on network.id = member.network_id
    where member.network_id = board and member.user_id = person
      and member.role in ('coordinator', 'member')
      and network.kind = 'editorial_board' and network.archived_at is null
  )
$$;

-- The boards the caller is a member of, as a set a policy can hash once.
create function private.my_board_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select network_id from private.writable_network_ids() as writable (network_id)
  where exists (
    select 1 from public.editorial_boards as board where board.network_id = writable.network_id
  )
$$;

-- The board responsible for a document: one scoped to its network first, then one scoped to its
-- kind; among equals the oldest board. Null when none is.
create function private.document_board(document uuid) returns uuid
language sql stable security definer
set search_path = ''
as $$
  select scope.board_id
  from public.documents as doc
  join public.editorial_board_scopes as scope
    on scope.network_id = doc.network_id or scope.document_kind = doc.kind
  join public.networks as board on board.id = scope.board_id
  where doc.id = document and board.archived_at is null
  order by (scope.network_id is not null) desc, board.created_at, board.id
  limit 1
$$;

-- Documents submitted to a board the caller is a member of: its members comment on them.
create function private.board_document_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select distinct submission.document_id
  from public.document_submissions as submission
  where submission.board_id in (select private.my_board_ids())
$$;

-- Access, extended with the board ---------------------------------------------------------------

create or replace function private.document_access_of(person uuid, document uuid)
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
    union all
    -- Members of a board the document was submitted to comment on it.
    select 'comment' from target
    where exists (
      select 1 from public.document_submissions as submission
      where submission.document_id = target.id
        and private.is_board_member_person(person, submission.board_id)
    )
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

create or replace function private.readable_document_ids() returns setof uuid
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
      or doc.id in (select private.board_document_ids())
    )
$$;

-- Whether the caller reads a document's published versions: every active user who is not a
-- guest, and guests who have access to the document itself.
create function private.reads_published(document uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select private.is_active_user() and (
    not private.is_guest(auth.uid())
    or private.document_access_of(auth.uid(), document) is not null
  )
$$;

-- Who handles a document's feedback and comment rounds: its editors, its owner, its managers
-- and the members of its board. Never null (no access, no board), so `not` in a check refuses.
create function private.handles_document(document uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(private.is_active_user() and (
    private.document_access_of(auth.uid(), document) = 'edit'
    or private.manages_document(document)
    or exists (select 1 from public.documents as doc where doc.id = document and doc.owner_id = auth.uid())
    or private.document_board(document) in (select private.my_board_ids())
  ), false)
$$;

-- Invitations the caller answers for: themselves, their home organisation (active member) and the
-- networks they write in.
create function private.my_round_invitee_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select invitee.id
  from public.comment_round_invitees as invitee
  where private.is_active_user()
    and (
      invitee.user_id = auth.uid()
      or invitee.organisation_id = (
        select profile.home_organisation_id from public.profiles as profile
        where profile.id = auth.uid()
      )
      or invitee.network_id in (select private.writable_network_ids())
    )
$$;

-- Comment rounds the caller reads: those of documents they read, and those they are invited to.
create function private.readable_round_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select round.id from public.comment_rounds as round
  where round.document_id in (select private.readable_document_ids())
  union
  select invitee.round_id from public.comment_round_invitees as invitee
  where invitee.id in (select private.my_round_invitee_ids())
$$;

create function private.document_submitted_announce() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.announce_document_access(jsonb_build_object('document', new.document_id));
  return null;
end;
$$;

create trigger document_submissions_announce_access
  after insert on public.document_submissions
  for each row execute function private.document_submitted_announce();

-- Helpers for the workflow ---------------------------------------------------------------------

-- Freezes a document's current content as a version of kind 'frozen' and returns its id.
create function private.freeze_document(document uuid) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  doc public.documents;
  created uuid;
begin
  select * into doc from public.documents where id = document for update;
  insert into public.document_versions (document_id, number, kind, content, text, html, created_by)
  values (doc.id,
    coalesce((select max(version.number) from public.document_versions as version
      where version.document_id = doc.id), 0) + 1,
    'frozen', coalesce(doc.content, '{}'), doc.text, doc.html, auth.uid())
  returning id into created;
  return created;
end;
$$;

-- Locks and returns the document, raising 'no such document' unless the caller may read it.
create function private.lock_document(document uuid) returns public.documents
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  doc public.documents;
begin
  perform private.require_active_user();
  select * into doc from public.documents where id = document for update;
  if doc.id is null or private.document_access_of(auth.uid(), doc.id) is null then
    raise exception 'no such document' using errcode = 'P0002';
  end if;
  return doc;
end;
$$;

-- A slug for the library from a title: lower case ASCII words joined by hyphens, unique.
create function private.unique_document_slug(title text) returns text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  base text := left(btrim(regexp_replace(
    translate(lower(title), 'äöåéèüáàóòíìúùñç', 'aoaeeuaaooiiuunc'),
    '[^a-z0-9]+', '-', 'g'), '-'), 80);
  candidate text;
  suffix integer := 1;
begin
  base := btrim(base, '-');
  if base = '' then
    base := 'dokumentti';
  end if;
  candidate := base;
  while exists (select 1 from public.documents where slug = candidate) loop
    suffix := suffix + 1;
    candidate := base || '-' || suffix;
  end loop;
  return candidate;
end;
$$;

create function private.document_link(doc public.documents) returns text
language sql stable
set search_path = ''
as $$
  select '/documents/' || doc.id::text || '/publishing'
$$;

create function private.notify_board(board uuid, kind text, link text, data jsonb) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  person uuid;
begin
  for person in
    select member.user_id from public.network_members as member
    where member.network_id = board and member.role in ('coordinator', 'member')
  loop
    perform private.notify(person, kind, board, link, data, true);
  end loop;
end;
$$;

-- Transitions ----------------------------------------------------------------------------------

-- An editor submits the document's current content to the responsible board.
create function public.submit_document(document_id uuid, change_summary text default '')
returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  doc public.documents := private.lock_document(submit_document.document_id);
  board public.editorial_boards;
  submitted uuid;
begin
  perform private.require_document_access(doc.id, 'edit');
  if doc.status not in ('draft', 'changes_requested', 'published') then
    raise exception 'only a draft can be submitted for review (the document is %)', doc.status
      using errcode = '55000';
  end if;
  select * into board from public.editorial_boards where network_id = private.document_board(doc.id);
  if board.network_id is null then
    raise exception 'no editorial board is responsible for this document' using errcode = '55000';
  end if;
  if length(coalesce(change_summary, '')) > 2000 then
    raise exception 'the change summary is too long' using errcode = '22001';
  end if;
  insert into public.document_submissions (document_id, board_id, version_id, title, kind, language,
    change_summary, approvals_required, organisations_required, submitted_by)
  values (doc.id, board.network_id, private.freeze_document(doc.id), doc.title, doc.kind, doc.language,
    btrim(coalesce(change_summary, '')), board.approvals_required, board.organisations_required,
    auth.uid())
  returning id into submitted;
  update public.documents set status = 'in_review' where id = doc.id;
  perform private.record_audit('document.submit', 'document', doc.id::text, doc.owner_organisation_id,
    jsonb_build_object('submission_id', submitted, 'board_id', board.network_id));
  perform private.notify_board(board.network_id, 'review_requested', private.document_link(doc),
    jsonb_build_object('actor_name', private.display_name_of(auth.uid()), 'title', doc.title,
      'excerpt', left(btrim(coalesce(change_summary, '')), 200)));
  return submitted;
end;
$$;

-- A board member approves the submission or asks for changes (with a comment). The submitter
-- never reviews their own submission. Enough approvals from enough organisations approve it.
create function public.review_submission(
  submission_id uuid,
  decision text,
  comment text default ''
) returns public.submission_status
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  submission public.document_submissions;
  doc public.documents;
  approvals integer;
  organisations integer;
  outcome public.submission_status;
begin
  perform private.require_active_user();
  select * into submission from public.document_submissions where id = submission_id for update;
  if submission.id is null or not (
    private.is_board_member_person(auth.uid(), submission.board_id)
    or private.document_access_of(auth.uid(), submission.document_id) is not null
  ) then
    raise exception 'no such submission' using errcode = 'P0002';
  end if;
  if not private.is_board_member_person(auth.uid(), submission.board_id) then
    raise exception 'only members of the editorial board review submissions' using errcode = '42501';
  end if;
  if submission.submitted_by = auth.uid() then
    raise exception 'you cannot review your own submission' using errcode = '42501';
  end if;
  if submission.status <> 'in_review' then
    raise exception 'this submission is no longer in review (it is %)', submission.status
      using errcode = '55000';
  end if;
  if decision not in ('approve', 'request_changes') then
    raise exception 'the decision is approve or request_changes' using errcode = '22023';
  end if;
  if decision = 'request_changes' and btrim(coalesce(comment, '')) = '' then
    raise exception 'say what should change' using errcode = '22023';
  end if;
  insert into public.document_reviews (submission_id, reviewer_id, organisation_id, decision, comment)
  values (submission.id, auth.uid(), private.home_organisation_of(auth.uid()), decision,
    btrim(coalesce(comment, '')))
  on conflict on constraint document_reviews_pkey do update
  set organisation_id = excluded.organisation_id, decision = excluded.decision,
      comment = excluded.comment, decided_at = now();

  select * into doc from public.documents where id = submission.document_id for update;
  if decision = 'request_changes' then
    outcome := 'changes_requested';
  else
    select count(*), count(distinct review.organisation_id)
    into approvals, organisations
    from public.document_reviews as review
    where review.submission_id = submission.id and review.decision = 'approve';
    outcome := case
      when approvals >= submission.approvals_required
        and organisations >= submission.organisations_required then 'approved'
      else 'in_review'
    end::public.submission_status;
  end if;

  if outcome <> 'in_review' then
    update public.document_submissions set status = outcome, decided_at = now()
    where id = submission.id;
    update public.documents set status = outcome::text::public.document_status where id = doc.id;
    perform private.notify(submission.submitted_by, 'review_decided', null, private.document_link(doc),
      jsonb_build_object('actor_name', private.display_name_of(auth.uid()), 'title', doc.title,
        'status', outcome, 'excerpt', left(btrim(coalesce(comment, '')), 200)), true);
  end if;
  perform private.record_audit(
    case when decision = 'approve' then 'document.approve' else 'document.request_changes' end,
    'document', doc.id::text, doc.owner_organisation_id,
    jsonb_build_object('submission_id', submission.id, 'outcome', outcome));
  return outcome;
end;
$$;

-- The submitter withdraws a submission still under way; the document is a draft again.
create function public.withdraw_submission(submission_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  submission public.document_submissions;
begin
  perform private.require_active_user();
  select * into submission from public.document_submissions where id = submission_id for update;
  if submission.id is null or private.document_access_of(auth.uid(), submission.document_id) is null then
    raise exception 'no such submission' using errcode = 'P0002';
  end if;
  if submission.submitted_by is distinct from auth.uid()
    and private.document_access_of(auth.uid(), submission.document_id) <> 'edit' then
    raise exception 'only the submitter or an editor withdraws a submission' using errcode = '42501';
  end if;
  if submission.status not in ('in_review', 'approved') then
    raise exception 'this submission is no longer under way' using errcode = '55000';
  end if;
  update public.document_submissions set status = 'withdrawn', decided_at = now()
  where id = submission.id;
  update public.documents
  set status = case when published_version is null then 'draft' else 'published' end::public.document_status
  where id = submission.document_id;
  perform private.record_audit('document.withdraw', 'document', submission.document_id::text, null,
    jsonb_build_object('submission_id', submission.id));
end;
$$;

-- Publishes an approved submission: its frozen content becomes the next published version. The
-- submitter, the document's editors and the board's members may. Returns the version number.
create function public.publish_submission(submission_id uuid) returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  submission public.document_submissions;
  doc public.documents;
  frozen public.document_versions;
  board public.editorial_boards;
  next_number integer;
  owner uuid;
  source_number integer;
  translation public.documents;
begin
  perform private.require_active_user();
  select * into submission from public.document_submissions where id = submission_id for update;
  if submission.id is null or not (
    private.is_board_member_person(auth.uid(), submission.board_id)
    or private.document_access_of(auth.uid(), submission.document_id) is not null
  ) then
    raise exception 'no such submission' using errcode = 'P0002';
  end if;
  if not coalesce((
    submission.submitted_by = auth.uid()
    or private.document_access_of(auth.uid(), submission.document_id) = 'edit'
    or private.is_board_member_person(auth.uid(), submission.board_id)
  ), false) then
    raise exception 'only the submitter, the document''s editors and the board publish'
      using errcode = '42501';
  end if;
  if submission.status <> 'approved' then
    raise exception 'only an approved submission is published (this one is %)', submission.status
      using errcode = '55000';
  end if;
  select * into doc from public.documents where id = submission.document_id for update;
  select * into frozen from public.document_versions where id = submission.version_id;
  select * into board from public.editorial_boards where network_id = submission.board_id;
  next_number := coalesce(doc.published_version, 0) + 1;
  owner := coalesce(doc.owner_id, submission.submitted_by, doc.created_by);
  if doc.translation_of is not null then
    select published_version into source_number from public.documents where id = doc.translation_of;
  end if;

  insert into public.published_versions (document_id, number, title, kind, language, content, html,
    text, change_summary, approvals, submission_id, owner_id, owner_name, owner_organisation_id,
    source_version, published_by)
  values (doc.id, next_number, coalesce(submission.title, doc.title),
    coalesce(submission.kind, doc.kind), coalesce(submission.language, doc.language),
    frozen.content, frozen.html,
    frozen.text, submission.change_summary,
    coalesce((
      select jsonb_agg(jsonb_build_object(
        'reviewer_id', review.reviewer_id,
        'name', private.display_name_of(review.reviewer_id),
        'organisation_id', review.organisation_id,
        'organisation_name_fi', organisation.name_fi,
        'organisation_name_sv', organisation.name_sv,
        'decided_at', review.decided_at) order by review.decided_at)
      from public.document_reviews as review
      left join public.organisations as organisation on organisation.id = review.organisation_id
      where review.submission_id = submission.id and review.decision = 'approve'
    ), '[]'),
    submission.id, owner, private.display_name_of(owner), doc.owner_organisation_id,
    source_number, auth.uid());

  update public.document_submissions set status = 'published', decided_at = now()
  where id = submission.id;
  update public.documents
  set status = 'published',
      published_version = next_number,
      published_at = now(),
      slug = coalesce(doc.slug, private.unique_document_slug(coalesce(submission.title, doc.title))),
      owner_id = owner,
      review_due = current_date + board.review_interval_days,
      review_reminded_for = null
  where id = doc.id;

  perform private.record_audit('document.publish', 'document', doc.id::text, doc.owner_organisation_id,
    jsonb_build_object('submission_id', submission.id, 'version', next_number));
  perform private.notify(submission.submitted_by, 'document_published', null,
    '/library/' || (select slug from public.documents where id = doc.id),
    jsonb_build_object('actor_name', private.display_name_of(auth.uid()), 'title', doc.title,
      'status', next_number::text), true);
  -- The translations of this document are now behind it.
  for translation in select * from public.documents where translation_of = doc.id loop
    perform private.notify(coalesce(translation.owner_id, translation.created_by), 'translation_outdated', null,
      private.document_link(translation),
      jsonb_build_object('actor_name', private.display_name_of(auth.uid()), 'title', translation.title),
      true);
  end loop;
  return next_number;
end;
$$;

-- Archives a document: it leaves the library's lists; its published versions stay citable.
-- The board's members and the document's managers may. reopen_document() makes it a draft again.
create function public.archive_document(document_id uuid, reason text default '') returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  doc public.documents := private.lock_document(archive_document.document_id);
begin
  if not coalesce(private.manages_document(doc.id)
    or private.document_board(doc.id) in (select private.my_board_ids()), false) then
    raise exception 'only the board and the document''s managers archive it' using errcode = '42501';
  end if;
  if doc.status = 'archived' then
    raise exception 'the document is already archived' using errcode = '55000';
  end if;
  update public.document_submissions set status = 'withdrawn', decided_at = now()
  where document_submissions.document_id = doc.id and status in ('in_review', 'approved');
  update public.documents set status = 'archived' where id = doc.id;
  perform private.record_audit('document.archive', 'document', doc.id::text, doc.owner_organisation_id,
    jsonb_build_object('reason', left(btrim(coalesce(reason, '')), 1000), 'from', doc.status));
end;
$$;

create function public.reopen_document(document_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  doc public.documents := private.lock_document(reopen_document.document_id);
begin
  if not coalesce(private.manages_document(doc.id)
    or private.document_board(doc.id) in (select private.my_board_ids()), false) then
    raise exception 'only the board and the document''s managers reopen it' using errcode = '42501';
  end if;
  if doc.status <> 'archived' then
    raise exception 'only an archived document is reopened' using errcode = '55000';
  end if;
  update public.documents
  set status = case when published_version is null then 'draft' else 'published' end::public.document_status
  where id = doc.id;
  perform private.record_audit('document.reopen', 'document', doc.id::text, doc.owner_organisation_id, '{}');
end;
$$;

-- Ownership and review -------------------------------------------------------------------------

-- Sets the owner (an active member of the owner organisation) and the next review date. The
-- document's managers, its owner and its board may.
create function public.set_document_stewardship(
  document_id uuid,
  owner_id uuid,
  review_due date
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  doc public.documents := private.lock_document(set_document_stewardship.document_id);
begin
  if not coalesce(private.manages_document(doc.id) or doc.owner_id = auth.uid()
    or private.document_board(doc.id) in (select private.my_board_ids()), false) then
    raise exception 'only the owner, the document''s managers and the board change this'
      using errcode = '42501';
  end if;
  if set_document_stewardship.owner_id is not null and not exists (
    select 1 from public.organisation_members as membership
    where membership.user_id = set_document_stewardship.owner_id
      and membership.organisation_id = doc.owner_organisation_id
      and membership.status = 'active'
  ) then
    raise exception 'the owner must be an active member of the owner organisation'
      using errcode = '22023';
  end if;
  if set_document_stewardship.review_due is not null and (
    set_document_stewardship.review_due <= current_date
    or set_document_stewardship.review_due > current_date + 1095) then
    raise exception 'the review date must be within the next three years' using errcode = '22023';
  end if;
  update public.documents
  set owner_id = coalesce(set_document_stewardship.owner_id, documents.owner_id),
      review_due = coalesce(set_document_stewardship.review_due, documents.review_due),
      review_reminded_for = case
        when set_document_stewardship.review_due is null then review_reminded_for end
  where id = doc.id;
  perform private.record_audit('document.stewardship', 'document', doc.id::text, doc.owner_organisation_id,
    jsonb_build_object('owner_id', set_document_stewardship.owner_id,
      'review_due', set_document_stewardship.review_due));
end;
$$;

-- The content was reviewed and still holds: the next review falls due after the board's interval.
create function public.mark_document_reviewed(document_id uuid) returns date
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  doc public.documents := private.lock_document(mark_document_reviewed.document_id);
  next_due date;
begin
  if not coalesce(private.manages_document(doc.id) or doc.owner_id = auth.uid()
    or private.document_board(doc.id) in (select private.my_board_ids()), false) then
    raise exception 'only the owner, the document''s managers and the board review it'
      using errcode = '42501';
  end if;
  if doc.published_version is null then
    raise exception 'only a published document is reviewed' using errcode = '55000';
  end if;
  next_due := current_date + coalesce((
    select board.review_interval_days from public.editorial_boards as board
    where board.network_id = private.document_board(doc.id)), 365);
  update public.documents set review_due = next_due, review_reminded_for = null where id = doc.id;
  perform private.record_audit('document.reviewed', 'document', doc.id::text, doc.owner_organisation_id,
    jsonb_build_object('review_due', next_due));
  return next_due;
end;
$$;

-- Daily job (service role): reminds owners 30 days before a review falls due, once per date.
create function public.send_document_review_reminders(today date default current_date)
returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  doc public.documents;
  reminded integer := 0;
begin
  for doc in
    select * from public.documents
    where published_version is not null and status <> 'archived'
      and review_due <= today + 30
      and review_reminded_for is distinct from review_due
    for update
  loop
    perform private.notify(coalesce(doc.owner_id, doc.created_by), 'document_review_due', null,
      private.document_link(doc),
      jsonb_build_object('title', doc.title, 'status', doc.review_due::text), true);
    update public.documents set review_reminded_for = doc.review_due where id = doc.id;
    reminded := reminded + 1;
  end loop;
  return reminded;
end;
$$;

-- Translations ---------------------------------------------------------------------------------

-- Marks the document as the translation of `source` (in the other language), or none (null).
create function public.set_document_translation(document_id uuid, source_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  doc public.documents := private.lock_document(set_document_translation.document_id);
  source public.documents;
begin
  perform private.require_document_access(doc.id, 'edit');
  if source_id is not null then
    select * into source from public.documents where id = source_id;
    if source.id is null or private.document_access_of(auth.uid(), source.id) is null then
      raise exception 'no such source document' using errcode = 'P0002';
    end if;
    if source.language = doc.language then
      raise exception 'a translation is in the other language' using errcode = '22023';
    end if;
    if source.translation_of is not null then
      raise exception 'the source is itself a translation' using errcode = '22023';
    end if;
  end if;
  update public.documents set translation_of = source_id where id = doc.id;
  perform private.record_audit('document.translation', 'document', doc.id::text, doc.owner_organisation_id,
    jsonb_build_object('source_id', source_id));
end;
$$;

-- Whether a translation is behind its source: the source has published a version after the one
-- this translation's latest publication translates.
create function private.translation_outdated(document uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce((
    select source.published_version > coalesce((
      select version.source_version from public.published_versions as version
      where version.document_id = doc.id and version.number = doc.published_version), 0)
    from public.documents as doc
    join public.documents as source on source.id = doc.translation_of
    where doc.id = document
  ), false)
$$;

-- The library ----------------------------------------------------------------------------------

-- A published document's reading page: what the reader may know about it (nothing of the draft).
-- `translations`: [{slug, language, title, outdated}] of its published source and translations.
create function public.library_document(slug text)
returns table (
  document_id uuid, slug text, title text, kind public.document_kind, language text,
  status public.document_status, latest_version integer, published_at timestamptz,
  owner_id uuid, owner_name text, owner_organisation_id uuid, owner_organisation_name_fi text,
  owner_organisation_name_sv text, review_due date, network_id uuid, outdated boolean,
  translations jsonb, can_handle boolean
)
language sql stable security definer
set search_path = ''
as $$
  -- Readers learn only whether the document is in force, not where its next draft stands.
  select doc.id, doc.slug, latest.title, latest.kind, latest.language,
    case when doc.status = 'archived' then 'archived' else 'published' end::public.document_status,
    doc.published_version, doc.published_at, doc.owner_id, private.display_name_of(doc.owner_id),
    doc.owner_organisation_id, organisation.name_fi, organisation.name_sv, doc.review_due,
    doc.network_id, private.translation_outdated(doc.id),
    coalesce((
      select jsonb_agg(jsonb_build_object(
        'slug', other.slug, 'language', other.language, 'title', other_latest.title,
        'outdated', private.translation_outdated(other.id)) order by other.language)
      from public.documents as other
      join public.published_versions as other_latest
        on other_latest.document_id = other.id and other_latest.number = other.published_version
      where other.id <> doc.id and other.slug is not null
        and (other.id = doc.translation_of or other.translation_of = doc.id
          or (doc.translation_of is not null and other.translation_of = doc.translation_of))
        and private.reads_published(other.id)
    ), '[]'),
    private.handles_document(doc.id)
  from public.documents as doc
  join public.published_versions as latest
    on latest.document_id = doc.id and latest.number = doc.published_version
  left join public.organisations as organisation on organisation.id = doc.owner_organisation_id
  where doc.slug = library_document.slug and private.reads_published(doc.id)
$$;

-- Published documents the caller may read, newest publication first (archived ones left out).
create function public.library_documents(
  kind public.document_kind default null,
  max_rows integer default 50,
  skip integer default 0
)
returns table (
  document_id uuid, slug text, title text, kind public.document_kind, language text,
  latest_version integer, published_at timestamptz, review_due date, owner_name text,
  owner_organisation_name_fi text, owner_organisation_name_sv text, outdated boolean
)
language sql stable security definer
set search_path = ''
as $$
  select doc.id, doc.slug, latest.title, latest.kind, latest.language, doc.published_version,
    doc.published_at, doc.review_due, private.display_name_of(doc.owner_id), organisation.name_fi,
    organisation.name_sv, private.translation_outdated(doc.id)
  from public.documents as doc
  join public.published_versions as latest
    on latest.document_id = doc.id and latest.number = doc.published_version
  left join public.organisations as organisation on organisation.id = doc.owner_organisation_id
  where doc.status <> 'archived'
    and (library_documents.kind is null or latest.kind = library_documents.kind)
    and private.reads_published(doc.id)
  order by doc.published_at desc, doc.id
  limit least(greatest(coalesce(max_rows, 50), 1), 200)
  offset greatest(coalesce(skip, 0), 0)
$$;

-- The library addresses of the given documents that the caller may read in the library: for
-- handlers (a board responsible for a kind) who read feedback but not the documents' rows.
create function public.library_slugs(document_ids uuid[])
returns table (document_id uuid, slug text)
language sql stable security definer
set search_path = ''
as $$
  select doc.id, doc.slug
  from public.documents as doc
  where doc.id = any (library_slugs.document_ids) and doc.slug is not null
    and private.reads_published(doc.id)
$$;

-- The board's dashboard: published documents of the caller's boards whose review is due within
-- `days_ahead` days (or overdue), most overdue first.
create function public.board_reviews_due(days_ahead integer default 30)
returns table (
  document_id uuid, slug text, title text, board_id uuid, owner_id uuid, owner_name text,
  review_due date, latest_version integer
)
language sql stable security definer
set search_path = ''
as $$
  select doc.id, doc.slug, doc.title, private.document_board(doc.id), doc.owner_id,
    private.display_name_of(doc.owner_id), doc.review_due, doc.published_version
  from public.documents as doc
  where doc.published_version is not null and doc.status <> 'archived'
    and doc.review_due <= current_date + least(greatest(coalesce(days_ahead, 30), 0), 366)
    and private.document_board(doc.id) in (select private.my_board_ids())
  order by doc.review_due, doc.title
  limit 200
$$;

-- Whether the caller handles the document (for the pages' controls; every action checks again).
create function public.can_handle_document(document_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(private.handles_document(can_handle_document.document_id), false)
$$;

-- The board responsible for a document and whether the caller is a member of it.
create function public.document_board_of(document_id uuid)
returns table (board_id uuid, slug text, name_fi text, name_sv text, approvals_required integer,
  organisations_required integer, is_member boolean)
language sql stable security definer
set search_path = ''
as $$
  select board.network_id, network.slug, network.name_fi, network.name_sv,
    board.approvals_required, board.organisations_required,
    private.is_board_member_person(auth.uid(), board.network_id)
  from public.editorial_boards as board
  join public.networks as network on network.id = board.network_id
  where board.network_id = private.document_board(document_board_of.document_id)
    and private.document_access_of(auth.uid(), document_board_of.document_id) is not null
$$;

-- A board's coordinators set its quorum, review interval and scopes.
create function public.configure_editorial_board(
  board_id uuid,
  approvals_required integer,
  organisations_required integer,
  review_interval_days integer,
  document_kinds public.document_kind[] default '{}',
  network_ids uuid[] default '{}'
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  perform private.require_active_user();
  if not exists (select 1 from public.editorial_boards where network_id = board_id)
    or not private.is_network_coordinator(board_id) then
    raise exception 'only the board''s coordinators configure it' using errcode = '42501';
  end if;
  update public.editorial_boards
  set approvals_required = configure_editorial_board.approvals_required,
      organisations_required = configure_editorial_board.organisations_required,
      review_interval_days = configure_editorial_board.review_interval_days
  where network_id = board_id;
  delete from public.editorial_board_scopes as scope
  where scope.board_id = configure_editorial_board.board_id;
  insert into public.editorial_board_scopes (board_id, document_kind)
  select configure_editorial_board.board_id, kind_value
  from unnest(coalesce(document_kinds, '{}')) as kind_value
  on conflict do nothing;
  insert into public.editorial_board_scopes (board_id, network_id)
  select configure_editorial_board.board_id, network_value
  from unnest(coalesce(network_ids, '{}')) as network_value
  join public.networks as network on network.id = network_value
  on conflict do nothing;
  perform private.record_audit('editorial_board.configure', 'network', board_id::text, null,
    jsonb_build_object('approvals_required', approvals_required,
      'organisations_required', organisations_required,
      'review_interval_days', review_interval_days,
      'document_kinds', to_jsonb(document_kinds), 'network_ids', to_jsonb(network_ids)));
end;
$$;

-- Feedback -------------------------------------------------------------------------------------

create function private.prepare_feedback() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.published_versions as version
    where version.document_id = new.document_id and version.number = new.version_number
  ) then
    raise exception 'no such published version' using errcode = '23503';
  end if;
  if exists (select 1 from public.documents as doc where doc.id = new.document_id and doc.status = 'archived') then
    raise exception 'the document is archived and no longer takes feedback' using errcode = '55000';
  end if;
  new.status := 'new';
  new.reply := null;
  new.replied_by := null;
  new.replied_at := null;
  new.created_at := now();
  return new;
end;
$$;

create trigger document_feedback_prepare
  before insert on public.document_feedback
  for each row execute function private.prepare_feedback();

create function private.notify_feedback() returns trigger
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  doc public.documents;
begin
  select * into doc from public.documents where id = new.document_id;
  perform private.notify(coalesce(doc.owner_id, doc.created_by), 'feedback_received', null,
    '/editorial/feedback/' || new.id::text,
    jsonb_build_object('actor_name', private.display_name_of(new.author_id), 'title', doc.title,
      'excerpt', left(new.problem, 200)), true);
  return null;
end;
$$;

create trigger document_feedback_notify
  after insert on public.document_feedback
  for each row execute function private.notify_feedback();

-- The owner, the editors and the board set a feedback's status and reply to the reader.
create function public.answer_feedback(
  feedback_id uuid,
  status public.feedback_status,
  reply text default null
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  feedback public.document_feedback;
  doc public.documents;
begin
  perform private.require_active_user();
  select * into feedback from public.document_feedback where id = feedback_id for update;
  if feedback.id is null or not private.handles_document(feedback.document_id) then
    raise exception 'no such feedback' using errcode = 'P0002';
  end if;
  if length(coalesce(reply, '')) > 5000 then
    raise exception 'the reply is too long' using errcode = '22001';
  end if;
  select * into doc from public.documents where id = feedback.document_id;
  update public.document_feedback
  set status = answer_feedback.status,
      reply = coalesce(nullif(btrim(coalesce(answer_feedback.reply, '')), ''), document_feedback.reply),
      replied_by = case when nullif(btrim(coalesce(answer_feedback.reply, '')), '') is not null
        then auth.uid() else replied_by end,
      replied_at = case when nullif(btrim(coalesce(answer_feedback.reply, '')), '') is not null
        then now() else replied_at end
  where id = feedback.id;
  if nullif(btrim(coalesce(reply, '')), '') is not null or status is distinct from feedback.status then
    perform private.notify(feedback.author_id, 'feedback_answered', null,
      '/library/' || doc.slug || '/feedback',
      jsonb_build_object('actor_name', private.display_name_of(auth.uid()), 'title', doc.title,
        'status', status, 'excerpt', left(btrim(coalesce(reply, '')), 200)), true);
  end if;
  perform private.record_audit('feedback.answer', 'document', doc.id::text, doc.owner_organisation_id,
    jsonb_build_object('feedback_id', feedback.id, 'status', status));
end;
$$;

-- Comment rounds -------------------------------------------------------------------------------

-- The author (an editor) or a coordinator of the document's network opens a round on the
-- document's current content, frozen, inviting people, organisations and networks.
create function public.open_comment_round(
  document_id uuid,
  title text,
  deadline timestamptz,
  instructions text default '',
  invite_users uuid[] default '{}',
  invite_organisations uuid[] default '{}',
  invite_networks uuid[] default '{}'
) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  doc public.documents := private.lock_document(open_comment_round.document_id);
  frozen uuid;
  opened uuid;
  invitee public.comment_round_invitees;
  data jsonb;
begin
  if not coalesce(private.document_access_of(auth.uid(), doc.id) = 'edit'
    or doc.network_id in (select private.coordinated_network_ids()), false) then
    raise exception 'only the document''s editors and its network''s coordinators open a comment round'
      using errcode = '42501';
  end if;
  if doc.status = 'archived' then
    raise exception 'the document is archived' using errcode = '55000';
  end if;
  if deadline <= now() + interval '1 hour' or deadline > now() + interval '1 year' then
    raise exception 'the deadline must be between an hour and a year from now' using errcode = '22023';
  end if;
  if btrim(coalesce(title, '')) = '' or length(title) > 300 then
    raise exception 'give the round a title (at most 300 characters)' using errcode = '22023';
  end if;
  if coalesce(cardinality(invite_users), 0) + coalesce(cardinality(invite_organisations), 0)
    + coalesce(cardinality(invite_networks), 0) = 0 then
    raise exception 'invite at least one person, organisation or network' using errcode = '22023';
  end if;
  if coalesce(cardinality(invite_users), 0) + coalesce(cardinality(invite_organisations), 0)
    + coalesce(cardinality(invite_networks), 0) > 200 then
    raise exception 'invite at most 200 parties' using errcode = '22023';
  end if;
  frozen := private.freeze_document(doc.id);
  insert into public.comment_rounds (document_id, version_id, title, instructions, document_title,
    html, text, deadline, opened_by)
  select doc.id, frozen, btrim(title), btrim(coalesce(instructions, '')), doc.title, version.html,
    version.text, deadline, auth.uid()
  from public.document_versions as version where version.id = frozen
  returning id into opened;

  insert into public.comment_round_invitees (round_id, user_id)
  select opened, profile.id from public.profiles as profile
  where profile.id = any (coalesce(invite_users, '{}'))
  on conflict do nothing;
  insert into public.comment_round_invitees (round_id, organisation_id)
  select opened, organisation.id from public.organisations as organisation
  where organisation.id = any (coalesce(invite_organisations, '{}'))
  on conflict do nothing;
  insert into public.comment_round_invitees (round_id, network_id)
  select opened, network.id from public.networks as network
  where network.id = any (coalesce(invite_networks, '{}'))
    and network.archived_at is null
  on conflict do nothing;
  -- Unknown ids and archived networks were left out: a round nobody can answer is no round.
  if not exists (select 1 from public.comment_round_invitees as invited where invited.round_id = opened) then
    raise exception 'invite at least one person, organisation or network' using errcode = '22023';
  end if;

  data := jsonb_build_object('actor_name', private.display_name_of(auth.uid()),
    'title', btrim(title), 'status', deadline::text);
  -- Invited people directly; an organisation through its admins; a network through its coordinators.
  for invitee in select * from public.comment_round_invitees where round_id = opened loop
    if invitee.user_id is not null then
      perform private.notify(invitee.user_id, 'comment_round_invited', null, '/rounds/' || opened::text, data, true);
    elsif invitee.organisation_id is not null then
      perform private.notify(membership.user_id, 'comment_round_invited', null, '/rounds/' || opened::text, data, true)
      from public.organisation_members as membership
      where membership.organisation_id = invitee.organisation_id
        and membership.role = 'admin' and membership.status = 'active';
    else
      perform private.notify(member.user_id, 'comment_round_invited', null, '/rounds/' || opened::text, data, true)
      from public.network_members as member
      where member.network_id = invitee.network_id and member.role = 'coordinator';
    end if;
  end loop;
  perform private.record_audit('comment_round.open', 'document', doc.id::text, doc.owner_organisation_id,
    jsonb_build_object('round_id', opened, 'deadline', deadline));
  return opened;
end;
$$;

-- Whether a round takes responses now: not closed and before its deadline.
create function private.round_is_open(round public.comment_rounds) returns boolean
language sql stable
set search_path = ''
as $$
  select round.closed_at is null and now() < round.deadline
$$;

-- One response per invited party, before the deadline. `items`: an array of
-- {"paragraph_index": int|null, "paragraph_text": text|null, "comment": text}; a null paragraph is
-- a general comment.
create function public.respond_to_comment_round(
  round_id uuid,
  invitee_id uuid,
  items jsonb
) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  round public.comment_rounds;
  responded uuid;
  item jsonb;
  item_position integer := 0;
begin
  perform private.require_active_user();
  select * into round from public.comment_rounds where id = round_id;
  if round.id is null or round.id not in (select private.readable_round_ids()) then
    raise exception 'no such comment round' using errcode = 'P0002';
  end if;
  if not exists (
    select 1 from public.comment_round_invitees as invitee
    where invitee.id = invitee_id and invitee.round_id = round.id
      and invitee.id in (select private.my_round_invitee_ids())
  ) then
    raise exception 'you do not answer for this invited party' using errcode = '42501';
  end if;
  if not private.round_is_open(round) then
    raise exception 'the comment round closed on %', to_char(
      coalesce(round.closed_at, round.deadline) at time zone 'Europe/Helsinki', 'DD.MM.YYYY HH24:MI')
      using errcode = '55000';
  end if;
  if jsonb_typeof(items) is distinct from 'array' or jsonb_array_length(items) = 0
    or jsonb_array_length(items) > 200 then
    raise exception 'a response has between 1 and 200 comments' using errcode = '22023';
  end if;
  if exists (select 1 from public.comment_round_responses as response where response.invitee_id = respond_to_comment_round.invitee_id) then
    raise exception 'this party has already responded' using errcode = '23505';
  end if;
  insert into public.comment_round_responses (round_id, invitee_id, responder_id)
  values (round.id, invitee_id, auth.uid())
  returning id into responded;
  for item in select value from jsonb_array_elements(items) loop
    if jsonb_typeof(item) <> 'object' or jsonb_typeof(item -> 'comment') is distinct from 'string'
      or (item ? 'paragraph_index' and jsonb_typeof(item -> 'paragraph_index') not in ('number', 'null'))
      or (item ? 'paragraph_text' and jsonb_typeof(item -> 'paragraph_text') not in ('string', 'null')) then
      raise exception 'each comment is {"paragraph_index", "paragraph_text", "comment"}' using errcode = '22023';
    end if;
    if btrim(item ->> 'comment') = '' or length(item ->> 'comment') > 5000
      or (item ->> 'paragraph_index')::numeric < 0
      or (item ->> 'paragraph_index')::numeric <> trunc((item ->> 'paragraph_index')::numeric) then
      raise exception 'each comment has words (at most 5000 characters) and a paragraph number of 0 or more'
        using errcode = '22023';
    end if;
    insert into public.comment_round_items (response_id, position, paragraph_index, paragraph_text, comment)
    values (responded, item_position, (item ->> 'paragraph_index')::integer,
      left(item ->> 'paragraph_text', 2000), btrim(item ->> 'comment'));
    item_position := item_position + 1;
  end loop;
  perform private.record_audit('comment_round.respond', 'comment_round', round.id::text, null,
    jsonb_build_object('invitee_id', invitee_id));
  return responded;
end;
$$;

-- The invited parties the caller answers for, in every round they may see (the pages show the
-- response form from this; respond_to_comment_round checks again).
create function public.my_round_invitees() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select private.my_round_invitee_ids()
$$;

-- Who runs a round: its opener, the document's editors and its network's coordinators. Never
-- null, so `not` in a check refuses.
create function private.runs_round(round public.comment_rounds) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(private.is_active_user() and (
    round.opened_by = auth.uid()
    or private.document_access_of(auth.uid(), round.document_id) = 'edit'
    or exists (
      select 1 from public.documents as doc
      where doc.id = round.document_id and doc.network_id in (select private.coordinated_network_ids())
    )
  ), false)
$$;

-- Records what was done about one comment.
create function public.handle_comment_round_item(
  item_id uuid,
  handling public.round_item_handling,
  note text default null
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  round public.comment_rounds;
begin
  perform private.require_active_user();
  select round_row.* into round
  from public.comment_round_items as item
  join public.comment_round_responses as response on response.id = item.response_id
  join public.comment_rounds as round_row on round_row.id = response.round_id
  where item.id = item_id;
  if round.id is null or round.id not in (select private.readable_round_ids()) then
    raise exception 'no such comment' using errcode = 'P0002';
  end if;
  if not private.runs_round(round) then
    raise exception 'only the round''s organisers record what was done' using errcode = '42501';
  end if;
  if length(coalesce(note, '')) > 5000 then
    raise exception 'the note is too long' using errcode = '22001';
  end if;
  update public.comment_round_items
  set handling = handle_comment_round_item.handling,
      handling_note = nullif(btrim(coalesce(note, '')), ''),
      handled_by = auth.uid(), handled_at = now()
  where id = item_id;
end;
$$;

create function private.finish_comment_round(round public.comment_rounds, closer uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  update public.comment_rounds set closed_at = least(now(), round.deadline), closed_by = closer
  where id = round.id;
  perform private.notify(round.opened_by, 'comment_round_closed', null, '/rounds/' || round.id::text,
    jsonb_build_object('title', round.title,
      'status', (select count(*) from public.comment_round_responses as response
        where response.round_id = round.id)::text), true);
  perform private.record_audit('comment_round.close', 'comment_round', round.id::text, null,
    jsonb_build_object('by_deadline', closer is null), closer);
end;
$$;

-- Closes a round before its deadline.
create function public.close_comment_round(round_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  round public.comment_rounds;
begin
  perform private.require_active_user();
  select * into round from public.comment_rounds where id = round_id for update;
  if round.id is null or round.id not in (select private.readable_round_ids()) then
    raise exception 'no such comment round' using errcode = 'P0002';
  end if;
  if not private.runs_round(round) then
    raise exception 'only the round''s organisers close it' using errcode = '42501';
  end if;
  if round.closed_at is not null then
    raise exception 'the comment round is already closed' using errcode = '55000';
  end if;
  perform private.finish_comment_round(round, auth.uid());
end;
$$;

-- Job (service role, every minute): closes the rounds whose deadline has passed and tells their
-- openers. Returns how many it closed.
create function public.close_due_comment_rounds() returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  round public.comment_rounds;
  closed integer := 0;
begin
  for round in
    select * from public.comment_rounds
    where closed_at is null and deadline <= now()
    for update skip locked
  loop
    perform private.finish_comment_round(round, null);
    closed := closed + 1;
  end loop;
  return closed;
end;
$$;

-- Grants -------------------------------------------------------------------------------------

revoke all on public.editorial_boards, public.editorial_board_scopes, public.document_submissions,
  public.document_reviews, public.published_versions, public.document_feedback,
  public.comment_rounds, public.comment_round_invitees, public.comment_round_responses,
  public.comment_round_items from anon, authenticated;
grant select on public.editorial_boards, public.editorial_board_scopes, public.document_submissions,
  public.document_reviews, public.published_versions, public.document_feedback,
  public.comment_rounds, public.comment_round_invitees, public.comment_round_responses,
  public.comment_round_items to authenticated;
grant insert (document_id, version_number, paragraph_index, paragraph_text, problem, suggestion, author_id)
  on public.document_feedback to authenticated;

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
  private.is_document_thread(uuid, uuid),
  private.my_board_ids(),
  private.reads_published(uuid),
  private.handles_document(uuid),
  private.readable_round_ids()
to authenticated;

revoke all on function
  public.submit_document(uuid, text),
  public.review_submission(uuid, text, text),
  public.withdraw_submission(uuid),
  public.publish_submission(uuid),
  public.archive_document(uuid, text),
  public.reopen_document(uuid),
  public.set_document_stewardship(uuid, uuid, date),
  public.mark_document_reviewed(uuid),
  public.send_document_review_reminders(date),
  public.set_document_translation(uuid, uuid),
  public.library_document(text),
  public.library_documents(public.document_kind, integer, integer),
  public.library_slugs(uuid[]),
  public.board_reviews_due(integer),
  public.can_handle_document(uuid),
  public.document_board_of(uuid),
  public.configure_editorial_board(uuid, integer, integer, integer, public.document_kind[], uuid[]),
  public.answer_feedback(uuid, public.feedback_status, text),
  public.open_comment_round(uuid, text, timestamptz, text, uuid[], uuid[], uuid[]),
  public.respond_to_comment_round(uuid, uuid, jsonb),
  public.my_round_invitees(),
  public.handle_comment_round_item(uuid, public.round_item_handling, text),
  public.close_comment_round(uuid),
  public.close_due_comment_rounds()
from public, anon;
grant execute on function
  public.submit_document(uuid, text),
  public.review_submission(uuid, text, text),
  public.withdraw_submission(uuid),
  public.publish_submission(uuid),
  public.archive_document(uuid, text),
  public.reopen_document(uuid),
  public.set_document_stewardship(uuid, uuid, date),
  public.mark_document_reviewed(uuid),
  public.set_document_translation(uuid, uuid),
  public.library_document(text),
  public.library_documents(public.document_kind, integer, integer),
  public.library_slugs(uuid[]),
  public.board_reviews_due(integer),
  public.can_handle_document(uuid),
  public.document_board_of(uuid),
  public.configure_editorial_board(uuid, integer, integer, integer, public.document_kind[], uuid[]),
  public.answer_feedback(uuid, public.feedback_status, text),
  public.open_comment_round(uuid, text, timestamptz, text, uuid[], uuid[], uuid[]),
  public.respond_to_comment_round(uuid, uuid, jsonb),
  public.my_round_invitees(),
  public.handle_comment_round_item(uuid, public.round_item_handling, text),
  public.close_comment_round(uuid)
to authenticated;
-- Default privileges grant every new function to authenticated too: the jobs are the server's.
revoke all on function
  public.send_document_review_reminders(date),
  public.close_due_comment_rounds()
from authenticated;
grant execute on function
  public.send_document_review_reminders(date),
  public.close_due_comment_rounds()
to service_role;

-- Row level security -------------------------------------------------------------------------

alter table public.editorial_boards enable row level security;
alter table public.editorial_board_scopes enable row level security;
alter table public.document_submissions enable row level security;
alter table public.document_reviews enable row level security;
alter table public.published_versions enable row level security;
alter table public.document_feedback enable row level security;
alter table public.comment_rounds enable row level security;
alter table public.comment_round_invitees enable row level security;
alter table public.comment_round_responses enable row level security;
alter table public.comment_round_items enable row level security;

create policy "active users see the editorial boards"
on public.editorial_boards for select to authenticated
using (private.is_active_user());

create policy "active users see what the boards are responsible for"
on public.editorial_board_scopes for select to authenticated
using (private.is_active_user());

create policy "readers of a document and its board see its submissions"
on public.document_submissions for select to authenticated
using (document_id in (select private.readable_document_ids())
  or board_id in (select private.my_board_ids()));

create policy "readers of a document and its board see the reviews"
on public.document_reviews for select to authenticated
using (submission_id in (
  select submission.id from public.document_submissions as submission
  where submission.document_id in (select private.readable_document_ids())
    or submission.board_id in (select private.my_board_ids())
));

create policy "readers of the library read published versions"
on public.published_versions for select to authenticated
using (private.reads_published(document_id));

create policy "the author and the document's handlers read feedback"
on public.document_feedback for select to authenticated
using (
  (author_id = (select auth.uid()) and private.is_active_user())
  or private.handles_document(document_id)
);

create policy "readers of a published version give feedback as themselves"
on public.document_feedback for insert to authenticated
with check (author_id = (select auth.uid()) and private.reads_published(document_id));

create policy "readers of a round see it"
on public.comment_rounds for select to authenticated
using (id in (select private.readable_round_ids()));

create policy "readers of a round see who is invited"
on public.comment_round_invitees for select to authenticated
using (round_id in (select private.readable_round_ids()));

create policy "readers of a round see the responses"
on public.comment_round_responses for select to authenticated
using (round_id in (select private.readable_round_ids()));

create policy "readers of a round see the responses' comments"
on public.comment_round_items for select to authenticated
using (response_id in (
  select response.id from public.comment_round_responses as response
  where response.round_id in (select private.readable_round_ids())
));
