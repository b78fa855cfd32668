-- Legal sparring: questions about employment-services law, answers, endorsements by lawyers, and
-- interpretation records that go through the editorial workflow and can be cited.
--
-- Acts and sections (legal_acts, legal_sections) are reference data everyone signed in reads;
-- 20251124101410_legal_acts_data.sql fills them. Section ids are md5(act:chapter:section)::uuid so
-- they are the same in every installation.
--
-- A sparring network is a network of kind 'legal_sparring'. Its content (questions, answers,
-- endorsements, who its lawyers are, its response target) is read by the network's members only,
-- whatever the network's visibility: questions come from real cases.
--   * coordinators and members ask and answer; observers read;
--   * coordinators name the network's lawyers (sparring_lawyers) among its coordinators and
--     members, and set the response target (first answer within N working days, default 5);
--   * lawyers endorse answers (never their own) and promote the accepted answer to an
--     interpretation record; only the asker accepts an answer;
--   * no question, answer or interpretation may contain a Finnish personal identity code, a phone
--     number or an e-mail address: triggers refuse them (private.refuse_personal_data, 23514).
--
-- An interpretation is a document of kind 'interpretation' (co-edited, reviewed by the board
-- responsible for interpretations, published to the library) with structured fields in
-- `interpretations`. Promoting creates it owned by the lawyer's organisation and shared with the
-- sparring network (edit), not placed in it, so its draft stays within the network's members.
-- Submitting freezes the fields and every document's legal references with the content;
-- publishing copies what was frozen into published_interpretations and
-- published_versions.legal_section_ids, so each version keeps what the board approved.
-- An interpretation is superseded when a published interpretation names it in `supersedes`.

-- Acts and sections ------------------------------------------------------------------------------

create table public.legal_acts (
  id text primary key check (id ~ '^[0-9]{1,4}/[0-9]{4}$'),
  title_fi text not null,
  title_sv text not null,
  title_en text not null,
  short_title_fi text,
  short_title_sv text,
  short_title_en text,
  position integer not null default 0
);

create table public.legal_sections (
  -- md5(act_id || ':' || coalesce(chapter, '') || ':' || section)::uuid
  id uuid primary key,
  act_id text not null references public.legal_acts (id) on delete cascade,
  -- '2 a' for "2 a luku"; null when the act numbers its sections straight through.
  chapter text check (chapter ~ '^[0-9]{1,2}( [a-z])?$'),
  section text not null check (section ~ '^[0-9]{1,3}( [a-z])?$'),
  heading_fi text not null,
  heading_sv text,
  heading_en text,
  position integer not null,
  constraint legal_sections_once unique nulls not distinct (act_id, chapter, section)
);

-- Sparring ---------------------------------------------------------------------------------------

create type public.sparring_question_status as enum ('open', 'answered', 'resolved');

create table public.sparring_settings (
  network_id uuid primary key references public.networks (id) on delete cascade,
  first_answer_working_days integer not null default 5
    check (first_answer_working_days between 1 and 60),
  updated_by uuid references public.profiles (id) on delete set null,
  updated_at timestamptz not null default now()
);

create table public.sparring_lawyers (
  network_id uuid not null references public.networks (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  added_by uuid references public.profiles (id) on delete set null,
  added_at timestamptz not null default now(),
  primary key (network_id, user_id)
);

create table public.sparring_questions (
  id uuid primary key default gen_random_uuid(),
  network_id uuid not null references public.networks (id) on delete cascade,
  title text not null check (btrim(title) <> '' and length(title) <= 200),
  body text not null default '' check (length(body) <= 20000),
  tags text[] not null default '{}' check (cardinality(tags) <= 10),
  author_id uuid references public.profiles (id) on delete set null,
  -- The asker's home organisation when they asked.
  organisation_id uuid references public.organisations (id) on delete set null,
  status public.sparring_question_status not null default 'open',
  accepted_answer_id uuid,
  -- When the first answer is due: the network's target in working days from asking.
  due_at timestamptz not null,
  first_answered_at timestamptz,
  overdue_notified_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_vector tsvector generated always as (
    setweight(to_tsvector('finnish'::regconfig, title), 'A')
    || setweight(to_tsvector('finnish'::regconfig, left(body, 100000)), 'B')
  ) stored
);

create table public.sparring_question_sections (
  question_id uuid not null references public.sparring_questions (id) on delete cascade,
  section_id uuid not null references public.legal_sections (id),
  primary key (question_id, section_id)
);

create table public.sparring_answers (
  id uuid primary key default gen_random_uuid(),
  question_id uuid not null references public.sparring_questions (id) on delete cascade,
  author_id uuid references public.profiles (id) on delete set null,
  organisation_id uuid references public.organisations (id) on delete set null,
  -- Sanitised by the app's server; body_text is derived from it by a trigger.
  body_html text not null check (length(body_html) <= 200000),
  body_text text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

alter table public.sparring_questions
  add constraint sparring_questions_accepted_answer_fkey
  foreign key (accepted_answer_id) references public.sparring_answers (id) on delete set null;

create table public.sparring_answer_sections (
  answer_id uuid not null references public.sparring_answers (id) on delete cascade,
  section_id uuid not null references public.legal_sections (id),
  primary key (answer_id, section_id)
);

-- Existing interpretations an answer refers to.
create table public.sparring_answer_interpretations (
  answer_id uuid not null references public.sparring_answers (id) on delete cascade,
  document_id uuid not null references public.documents (id) on delete cascade,
  primary key (answer_id, document_id)
);

create table public.sparring_endorsements (
  answer_id uuid not null references public.sparring_answers (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (answer_id, user_id)
);

-- Interpretation records -------------------------------------------------------------------------

create table public.interpretations (
  document_id uuid primary key references public.documents (id) on delete cascade,
  question_id uuid references public.sparring_questions (id) on delete set null,
  answer_id uuid unique references public.sparring_answers (id) on delete set null,
  -- The sparring network it came from.
  network_id uuid references public.networks (id) on delete set null,
  issuing_body text not null check (btrim(issuing_body) <> '' and length(issuing_body) <= 300),
  justification text not null default '' check (length(justification) <= 20000),
  -- Interpretations are recommendations: the label readers see. One value for now, a column so
  -- that the label is part of what is published and cited.
  nature text not null default 'non_binding_recommendation'
    check (nature = 'non_binding_recommendation'),
  valid_from date not null default current_date,
  valid_to date,
  supersedes uuid references public.documents (id) on delete set null,
  created_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint interpretations_valid_period check (valid_to is null or valid_to >= valid_from),
  constraint interpretations_not_itself check (supersedes is distinct from document_id)
);

-- The act sections a document is about: an interpretation's legal basis, guidance's references.
create table public.document_legal_references (
  document_id uuid not null references public.documents (id) on delete cascade,
  section_id uuid not null references public.legal_sections (id),
  primary key (document_id, section_id)
);

-- Each submission freezes the sections the document refers to and an interpretation's fields,
-- as it freezes the content; each publication keeps what its submission froze.
alter table public.document_submissions
  add column legal_section_ids uuid[],
  add column interpretation jsonb;
alter table public.published_versions
  add column legal_section_ids uuid[] not null default '{}';

create table public.published_interpretations (
  published_version_id uuid primary key references public.published_versions (id) on delete cascade,
  document_id uuid not null references public.documents (id) on delete cascade,
  number integer not null,
  question_id uuid references public.sparring_questions (id) on delete set null,
  network_id uuid references public.networks (id) on delete set null,
  issuing_body text not null,
  justification text not null,
  nature text not null,
  valid_from date not null,
  valid_to date,
  supersedes uuid references public.documents (id) on delete set null,
  unique (document_id, number)
);

alter table public.notifications drop constraint notifications_kind_check;
alter table public.notifications add constraint notifications_kind_check check (kind in (
  'join_request', 'join_decided', 'invitation', 'new_thread', 'reply', 'mention',
  'task_assigned', 'registration_changed', 'review_due',
  'review_requested', 'review_decided', 'document_published', 'translation_outdated',
  'document_review_due', 'feedback_received', 'feedback_answered',
  'comment_round_invited', 'comment_round_closed',
  'sparring_question_asked', 'sparring_answer_posted', 'sparring_answer_endorsed',
  'sparring_answer_accepted', 'sparring_answer_promoted', 'sparring_question_overdue'
));

create index legal_sections_by_act on public.legal_sections (act_id, position);
create index sparring_questions_by_network on public.sparring_questions (network_id, created_at desc);
create index sparring_questions_unanswered on public.sparring_questions (due_at)
  where first_answered_at is null and status <> 'resolved';
create index sparring_questions_search on public.sparring_questions using gin (search_vector);
create index sparring_questions_by_author on public.sparring_questions (author_id);
create index sparring_question_sections_by_section on public.sparring_question_sections (section_id);
create index sparring_answers_by_question on public.sparring_answers (question_id, created_at);
create index sparring_answer_sections_by_section on public.sparring_answer_sections (section_id);
create index sparring_endorsements_by_user on public.sparring_endorsements (user_id);
create index sparring_lawyers_by_user on public.sparring_lawyers (user_id);
create index interpretations_supersedes on public.interpretations (supersedes) where supersedes is not null;
create index document_legal_references_by_section on public.document_legal_references (section_id);
create index published_versions_legal_sections on public.published_versions using gin (legal_section_ids);
create index published_interpretations_supersedes on public.published_interpretations (supersedes)
  where supersedes is not null;

create trigger sparring_questions_touch_updated_at
  before update on public.sparring_questions
  for each row execute function private.touch_updated_at();
create trigger sparring_answers_touch_updated_at
  before update on public.sparring_answers
  for each row execute function private.touch_updated_at();
create trigger interpretations_touch_updated_at
  before update on public.interpretations
  for each row execute function private.touch_updated_at();

-- Helpers ----------------------------------------------------------------------------------------

-- '380/2023 12 §' or '1290/2002 2 a luku 13 §'.
create function private.legal_section_label(section uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select legal.act_id || ' ' || coalesce(legal.chapter || ' luku ', '') || legal.section || ' §'
  from public.legal_sections as legal where legal.id = legal_section_label.section
$$;

-- [{id, act_id, chapter, section, label, heading_fi, heading_sv, heading_en}] in the acts' order.
create function private.legal_sections_json(sections uuid[]) returns jsonb
language sql stable security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
    'id', legal.id, 'act_id', legal.act_id, 'chapter', legal.chapter, 'section', legal.section,
    'label', private.legal_section_label(legal.id), 'heading_fi', legal.heading_fi,
    'heading_sv', legal.heading_sv, 'heading_en', legal.heading_en)
    order by act.position, act.id, legal.position), '[]')
  from public.legal_sections as legal
  join public.legal_acts as act on act.id = legal.act_id
  where legal.id = any (coalesce(sections, '{}'))
$$;

-- Plain text of sanitised HTML, for search and the personal-data check. Inline tags join what
-- they split ("010190-<b>123A</b>" is one code), block tags separate; entities are decoded, numeric
-- ones too ("&#64;" is "@").
create function private.html_text(html text) returns text
language plpgsql immutable
set search_path = ''
as $$
declare
  result text := coalesce(html, '');
  entity text[];
  code integer;
begin
  result := regexp_replace(result, '</?(strong|b|em|i|u|s|code|span|a|mark|sub|sup)(\s[^>]*)?>', '', 'gi');
  result := regexp_replace(result, '<[^>]*>', ' ', 'g');
  loop
    entity := regexp_match(result, '&#([xX][0-9a-fA-F]{1,6}|[0-9]{1,7});');
    exit when entity is null;
    code := case when entity[1] ~* '^x'
      then ('x' || lpad(substr(entity[1], 2), 8, '0'))::bit(32)::integer
      else entity[1]::integer end;
    result := replace(result, '&#' || entity[1] || ';',
      case when code between 1 and 1114111 and code not between 55296 and 57343
        then chr(code) else '' end);
  end loop;
  result := replace(replace(replace(replace(replace(replace(result,
    '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&');
  return btrim(regexp_replace(result, '\s+', ' ', 'g'));
end;
$$;

create function private.is_sparring_network(network uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.networks as candidate
    where candidate.id = network and candidate.kind = 'legal_sparring'
  )
$$;

-- Whether `person` is a lawyer of `network`: named by its coordinators, an active user, still a
-- coordinator or member of the open network.
create function private.is_sparring_lawyer_person(person uuid, network uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select person is not null and private.has_active_home_membership(person) and exists (
    select 1
    from public.sparring_lawyers as lawyer
    join public.network_members as member
      on member.network_id = lawyer.network_id and member.user_id = lawyer.user_id
    join public.networks as candidate on candidate.id = lawyer.network_id
    where lawyer.network_id = network and lawyer.user_id = person
      and member.role in ('coordinator', 'member') and candidate.archived_at is null
  )
$$;

create function private.is_sparring_lawyer(network uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(private.is_sparring_lawyer_person(auth.uid(), network), false)
$$;

-- Questions the caller reads: those of the sparring networks they are a member of.
create function private.readable_sparring_question_ids() returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select question.id from public.sparring_questions as question
  where question.network_id in (select private.my_network_ids())
$$;

create function private.sparring_target_days(network uuid) returns integer
language sql stable security definer
set search_path = ''
as $$
  select coalesce((
    select setting.first_answer_working_days from public.sparring_settings as setting
    where setting.network_id = network
  ), 5)
$$;

create function private.sparring_question_link(question uuid) returns text
language sql stable security definer
set search_path = ''
as $$
  select '/networks/' || network.slug || '/sparring/' || asked.id
  from public.sparring_questions as asked
  join public.networks as network on network.id = asked.network_id
  where asked.id = question
$$;

-- Locks and returns a question the caller reads ('no such question', P0002, otherwise).
create function private.lock_sparring_question(question uuid) returns public.sparring_questions
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  found public.sparring_questions;
begin
  perform private.require_active_user();
  select * into found from public.sparring_questions where id = question for update;
  if found.id is null or found.network_id not in (select private.my_network_ids()) then
    raise exception 'no such question' using errcode = 'P0002';
  end if;
  return found;
end;
$$;

-- Raises 22023 unless every id is a known act section.
create function private.require_legal_sections(sections uuid[]) returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if exists (
    select 1 from unnest(coalesce(sections, '{}')) as wanted (id)
    where not exists (select 1 from public.legal_sections as legal where legal.id = wanted.id)
  ) then
    raise exception 'unknown act section' using errcode = '22023';
  end if;
end;
$$;

-- Trimmed, lower-cased, distinct, non-empty tags of at most 40 characters.
create function private.clean_tags(tags text[]) returns text[]
language plpgsql immutable
set search_path = ''
as $$
declare
  cleaned text[];
begin
  select coalesce(array_agg(distinct lower(btrim(tag))), '{}') into cleaned
  from unnest(coalesce(tags, '{}')) as tag
  where btrim(tag) <> '';
  if exists (select 1 from unnest(cleaned) as tag where length(tag) > 40) then
    raise exception 'a tag is at most 40 characters' using errcode = '22023';
  end if;
  if cardinality(cleaned) > 10 then
    raise exception 'at most 10 tags' using errcode = '22023';
  end if;
  return cleaned;
end;
$$;

-- Notifies `recipient` about a sparring network's content only while they are its member: its
-- questions are for members whatever the network's visibility.
create function private.notify_sparring_member(
  recipient uuid, kind text, network uuid, link text, data jsonb
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
  if exists (
    select 1 from public.network_members as member
    where member.network_id = network and member.user_id = recipient
  ) then
    perform private.notify(recipient, kind, network, link, data, true);
  end if;
end;
$$;

create function private.notify_sparring_lawyers(
  network uuid, kind text, link text, data jsonb
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  lawyer uuid;
begin
  for lawyer in
    select candidate.user_id from public.sparring_lawyers as candidate
    where candidate.network_id = network
      and private.is_sparring_lawyer_person(candidate.user_id, network)
  loop
    perform private.notify(lawyer, kind, network, link, data, true);
  end loop;
end;
$$;

-- The personal-data guard ------------------------------------------------------------------------

create function private.guard_sparring_question() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.refuse_personal_data('title', new.title);
  perform private.refuse_personal_data('body', new.body);
  perform private.refuse_personal_data('tags', array_to_string(new.tags, ' '));
  if new.due_at is null then
    new.due_at := private.add_working_days(coalesce(new.created_at, now()),
      private.sparring_target_days(new.network_id));
  end if;
  return new;
end;
$$;

create trigger sparring_questions_guard
  before insert or update of title, body, tags on public.sparring_questions
  for each row execute function private.guard_sparring_question();

create function private.guard_sparring_answer() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  new.body_text := private.html_text(new.body_html);
  perform private.refuse_personal_data('answer', new.body_text);
  -- Addresses hide in attributes too (mailto: links).
  perform private.refuse_personal_data('answer', new.body_html);
  return new;
end;
$$;

create trigger sparring_answers_guard
  before insert or update of body_html on public.sparring_answers
  for each row execute function private.guard_sparring_answer();

create function private.guard_interpretation() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.refuse_personal_data('issuing_body', new.issuing_body);
  perform private.refuse_personal_data('justification', new.justification);
  return new;
end;
$$;

create trigger interpretations_guard
  before insert or update of issuing_body, justification on public.interpretations
  for each row execute function private.guard_interpretation();

-- Publishing snapshots ---------------------------------------------------------------------------

create function private.freeze_legal_fields() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  new.legal_section_ids := array(
    select reference.section_id from public.document_legal_references as reference
    where reference.document_id = new.document_id order by reference.section_id
  );
  new.interpretation := (
    select to_jsonb(record) from public.interpretations as record
    where record.document_id = new.document_id
  );
  -- An interpretation goes to every reader of the library: no personal data in what is frozen.
  if new.kind = 'interpretation' then
    perform private.refuse_personal_data('title', new.title);
    perform private.refuse_personal_data('text',
      (select version.text from public.document_versions as version where version.id = new.version_id));
  end if;
  return new;
end;
$$;

create trigger document_submissions_freeze_legal_fields
  before insert on public.document_submissions
  for each row execute function private.freeze_legal_fields();

-- What the approved submission froze; the document's current references for a publication
-- without one.
create function private.snapshot_legal_references() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  new.legal_section_ids := coalesce(
    (select submission.legal_section_ids from public.document_submissions as submission
      where submission.id = new.submission_id),
    array(
      select reference.section_id from public.document_legal_references as reference
      where reference.document_id = new.document_id order by reference.section_id
    ));
  return new;
end;
$$;

create trigger published_versions_snapshot_legal_references
  before insert on public.published_versions
  for each row execute function private.snapshot_legal_references();

create function private.snapshot_interpretation() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  fields jsonb := coalesce(
    (select submission.interpretation from public.document_submissions as submission
      where submission.id = new.submission_id),
    (select to_jsonb(record) from public.interpretations as record
      where record.document_id = new.document_id));
begin
  if fields is null then
    return null;
  end if;
  insert into public.published_interpretations (published_version_id, document_id, number,
    question_id, network_id, issuing_body, justification, nature, valid_from, valid_to, supersedes)
  values (new.id, new.document_id, new.number, (fields ->> 'question_id')::uuid,
    (fields ->> 'network_id')::uuid, fields ->> 'issuing_body', fields ->> 'justification',
    fields ->> 'nature', (fields ->> 'valid_from')::date, (fields ->> 'valid_to')::date,
    (fields ->> 'supersedes')::uuid);
  return null;
end;
$$;

create trigger published_versions_snapshot_interpretation
  after insert on public.published_versions
  for each row when (new.kind = 'interpretation')
  execute function private.snapshot_interpretation();

-- The latest publication of a library-readable interpretation that supersedes `document`.
create function private.superseded_by(document uuid)
returns table (document_id uuid, slug text, title text)
language sql stable security definer
set search_path = ''
as $$
  select newer.id, newer.slug, latest.title
  from public.published_interpretations as snapshot
  join public.documents as newer
    on newer.id = snapshot.document_id and snapshot.number = newer.published_version
  join public.published_versions as latest
    on latest.document_id = newer.id and latest.number = newer.published_version
  where snapshot.supersedes = document and newer.status <> 'archived'
    and private.reads_published(newer.id)
  order by newer.published_at desc
  limit 1
$$;

-- Functions people call: the network's settings ----------------------------------------------------

-- Names or removes a lawyer of a sparring network. Coordinators; the person must be a coordinator
-- or member of it.
create function public.set_sparring_lawyer(network_id uuid, user_id uuid, lawyer boolean)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  network public.networks := private.lock_network(set_sparring_lawyer.network_id);
begin
  perform private.require_network_coordinator(network.id);
  if network.kind <> 'legal_sparring' then
    raise exception 'only sparring networks have lawyers' using errcode = '22023';
  end if;
  if coalesce(lawyer, false) then
    if not exists (
      select 1 from public.network_members as member
      where member.network_id = network.id and member.user_id = set_sparring_lawyer.user_id
        and member.role in ('coordinator', 'member')
    ) then
      raise exception 'a lawyer must be a coordinator or member of the network' using errcode = '22023';
    end if;
    insert into public.sparring_lawyers (network_id, user_id, added_by)
    values (network.id, set_sparring_lawyer.user_id, auth.uid())
    on conflict on constraint sparring_lawyers_pkey do nothing;
  else
    delete from public.sparring_lawyers as existing
    where existing.network_id = network.id and existing.user_id = set_sparring_lawyer.user_id;
  end if;
  perform private.record_audit('sparring.lawyer', 'network', network.id::text, network.owner_organisation_id,
    jsonb_build_object('user_id', set_sparring_lawyer.user_id, 'lawyer', coalesce(lawyer, false)));
end;
$$;

-- Sets the response target: the first answer within `working_days` working days. Applies to the
-- questions asked from now on.
create function public.set_sparring_target(network_id uuid, working_days integer) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  network public.networks := private.lock_network(set_sparring_target.network_id);
begin
  perform private.require_network_coordinator(network.id);
  if network.kind <> 'legal_sparring' then
    raise exception 'only sparring networks have a response target' using errcode = '22023';
  end if;
  if working_days is null or working_days not between 1 and 60 then
    raise exception 'the target is 1 to 60 working days' using errcode = '22023';
  end if;
  insert into public.sparring_settings (network_id, first_answer_working_days, updated_by)
  values (network.id, working_days, auth.uid())
  on conflict on constraint sparring_settings_pkey do update
  set first_answer_working_days = excluded.first_answer_working_days,
      updated_by = excluded.updated_by, updated_at = now();
  perform private.record_audit('sparring.target', 'network', network.id::text, network.owner_organisation_id,
    jsonb_build_object('working_days', working_days));
end;
$$;

-- What the caller is in a sparring network, for the pages' controls (every action checks again).
create function public.my_sparring_role(network_id uuid)
returns table (
  is_member boolean, role public.network_role, is_lawyer boolean, is_coordinator boolean,
  can_ask boolean, target_working_days integer
)
language sql stable security definer
set search_path = ''
as $$
  select private.network_role(my_sparring_role.network_id) is not null,
    private.network_role(my_sparring_role.network_id),
    private.is_sparring_lawyer(my_sparring_role.network_id),
    private.is_network_coordinator(my_sparring_role.network_id),
    my_sparring_role.network_id in (select private.writable_network_ids())
      and private.is_sparring_network(my_sparring_role.network_id),
    private.sparring_target_days(my_sparring_role.network_id)
$$;

-- The network's lawyers, for its members.
create function public.sparring_lawyers_of(network_id uuid)
returns table (
  user_id uuid, display_name text, organisation_name_fi text, organisation_name_sv text,
  role public.network_role
)
language sql stable security definer
set search_path = ''
as $$
  select lawyer.user_id, profile.display_name, organisation.name_fi, organisation.name_sv, member.role
  from public.sparring_lawyers as lawyer
  join public.profiles as profile on profile.id = lawyer.user_id
  join public.network_members as member
    on member.network_id = lawyer.network_id and member.user_id = lawyer.user_id
  left join public.organisations as organisation on organisation.id = profile.home_organisation_id
  where lawyer.network_id = sparring_lawyers_of.network_id
    and lawyer.network_id in (select private.my_network_ids())
  order by profile.display_name
$$;

-- Questions ----------------------------------------------------------------------------------------

create function public.ask_sparring_question(
  network_id uuid,
  title text,
  body text default '',
  section_ids uuid[] default '{}',
  tags text[] default '{}'
) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  network public.networks := private.lock_network(ask_sparring_question.network_id, true);
  created uuid;
  asked_at timestamptz := now();
begin
  if network.kind <> 'legal_sparring' then
    raise exception 'questions are asked in sparring networks' using errcode = '22023';
  end if;
  if network.id not in (select private.writable_network_ids()) then
    raise exception 'only the network''s coordinators and members ask' using errcode = '42501';
  end if;
  if btrim(coalesce(title, '')) = '' then
    raise exception 'a question needs a title' using errcode = '22023';
  end if;
  perform private.require_legal_sections(section_ids);
  insert into public.sparring_questions (network_id, title, body, tags, author_id, organisation_id,
    due_at, created_at)
  values (network.id, btrim(title), btrim(coalesce(body, '')), private.clean_tags(tags), auth.uid(),
    private.home_organisation_of(auth.uid()),
    private.add_working_days(asked_at, private.sparring_target_days(network.id)), asked_at)
  returning id into created;
  insert into public.sparring_question_sections (question_id, section_id)
  select distinct created, wanted from unnest(coalesce(section_ids, '{}')) as wanted;
  perform private.notify_sparring_lawyers(network.id, 'sparring_question_asked',
    private.sparring_question_link(created),
    jsonb_build_object('actor_name', private.display_name_of(auth.uid()), 'title', btrim(title)));
  return created;
end;
$$;

-- The asker edits their question until it is resolved.
create function public.edit_sparring_question(
  question_id uuid,
  title text,
  body text default '',
  section_ids uuid[] default '{}',
  tags text[] default '{}'
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  question public.sparring_questions := private.lock_sparring_question(edit_sparring_question.question_id);
begin
  if question.author_id is distinct from auth.uid()
    or question.network_id not in (select private.writable_network_ids()) then
    raise exception 'only the asker edits a question' using errcode = '42501';
  end if;
  if question.status = 'resolved' then
    raise exception 'a resolved question is not edited' using errcode = '55000';
  end if;
  if btrim(coalesce(title, '')) = '' then
    raise exception 'a question needs a title' using errcode = '22023';
  end if;
  perform private.require_legal_sections(section_ids);
  update public.sparring_questions
  set title = btrim(edit_sparring_question.title), body = btrim(coalesce(edit_sparring_question.body, '')),
      tags = private.clean_tags(edit_sparring_question.tags)
  where id = question.id;
  delete from public.sparring_question_sections where sparring_question_sections.question_id = question.id;
  insert into public.sparring_question_sections (question_id, section_id)
  select distinct question.id, wanted from unnest(coalesce(section_ids, '{}')) as wanted;
end;
$$;

-- A network's questions, newest first, filtered by status, section and words.
create function public.sparring_question_list(
  network_id uuid,
  status public.sparring_question_status default null,
  section_id uuid default null,
  search_text text default null,
  max_rows integer default 30,
  skip integer default 0
)
returns table (
  id uuid, title text, status public.sparring_question_status, tags text[], author_id uuid,
  author_name text, organisation_name_fi text, organisation_name_sv text, created_at timestamptz,
  due_at timestamptz, overdue boolean, first_answered_at timestamptz, answer_count integer,
  sections jsonb
)
language sql stable security definer
set search_path = ''
as $$
  select question.id, question.title, question.status, question.tags, question.author_id,
    private.display_name_of(question.author_id), organisation.name_fi, organisation.name_sv,
    question.created_at, question.due_at,
    question.first_answered_at is null and question.status <> 'resolved' and question.due_at < now(),
    question.first_answered_at,
    (select count(*)::integer from public.sparring_answers as answer where answer.question_id = question.id),
    private.legal_sections_json(array(
      select reference.section_id from public.sparring_question_sections as reference
      where reference.question_id = question.id))
  from public.sparring_questions as question
  left join public.organisations as organisation on organisation.id = question.organisation_id
  where question.network_id = sparring_question_list.network_id
    and question.network_id in (select private.my_network_ids())
    and (sparring_question_list.status is null or question.status = sparring_question_list.status)
    and (sparring_question_list.section_id is null or exists (
      select 1 from public.sparring_question_sections as reference
      where reference.question_id = question.id
        and reference.section_id = sparring_question_list.section_id))
    and (coalesce(btrim(search_text), '') = ''
      or question.search_vector @@ websearch_to_tsquery('finnish'::regconfig, search_text))
  order by question.created_at desc, question.id
  limit least(greatest(coalesce(max_rows, 30), 1), 100)
  offset greatest(coalesce(skip, 0), 0)
$$;

-- One question with what the caller may do with it.
create function public.sparring_question(question_id uuid)
returns table (
  id uuid, network_id uuid, network_slug text, network_name_fi text, network_name_sv text,
  title text, body text, tags text[], status public.sparring_question_status,
  author_id uuid, author_name text, organisation_name_fi text, organisation_name_sv text,
  created_at timestamptz, updated_at timestamptz, due_at timestamptz, overdue boolean,
  first_answered_at timestamptz, accepted_answer_id uuid, sections jsonb,
  is_author boolean, can_answer boolean, is_lawyer boolean
)
language sql stable security definer
set search_path = ''
as $$
  select question.id, question.network_id, network.slug, network.name_fi, network.name_sv,
    question.title, question.body, question.tags, question.status, question.author_id,
    private.display_name_of(question.author_id), organisation.name_fi, organisation.name_sv,
    question.created_at, question.updated_at, question.due_at,
    question.first_answered_at is null and question.status <> 'resolved' and question.due_at < now(),
    question.first_answered_at, question.accepted_answer_id,
    private.legal_sections_json(array(
      select reference.section_id from public.sparring_question_sections as reference
      where reference.question_id = question.id)),
    question.author_id = auth.uid(),
    question.network_id in (select private.writable_network_ids()) and question.status <> 'resolved',
    private.is_sparring_lawyer(question.network_id)
  from public.sparring_questions as question
  join public.networks as network on network.id = question.network_id
  left join public.organisations as organisation on organisation.id = question.organisation_id
  where question.id = sparring_question.question_id
    and question.network_id in (select private.my_network_ids())
$$;

-- Similar earlier questions (in the caller's sparring networks) and published interpretations,
-- for the words being typed: any of the words matches, best first.
create function public.similar_sparring_items(search_text text, max_rows integer default 6)
returns table (kind text, id uuid, title text, link text, excerpt text, rank real)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  words tsquery;
begin
  if length(btrim(coalesce(search_text, ''))) < 3 or not private.is_active_user() then
    return;
  end if;
  words := nullif(replace(plainto_tsquery('finnish'::regconfig, left(search_text, 2000))::text,
    ' & ', ' | '), '')::tsquery;
  if words is null then
    return;
  end if;
  return query
  select found.kind, found.id, found.title, found.link, found.excerpt, found.rank
  from (
    select 'question'::text as kind, question.id, question.title,
      private.sparring_question_link(question.id) as link, left(question.body, 240) as excerpt,
      ts_rank(question.search_vector, words) as rank
    from public.sparring_questions as question
    where question.network_id in (select private.my_network_ids())
      and question.search_vector @@ words
    union all
    select 'interpretation', doc.id, latest.title,
      '/library/' || doc.slug || '/v/' || latest.number, left(latest.text, 240),
      ts_rank(setweight(to_tsvector('finnish'::regconfig, latest.title), 'A')
        || to_tsvector('finnish'::regconfig, left(latest.text, 100000)), words)
    from public.documents as doc
    join public.published_versions as latest
      on latest.document_id = doc.id and latest.number = doc.published_version
    where latest.kind = 'interpretation' and doc.status <> 'archived'
      and (setweight(to_tsvector('finnish'::regconfig, latest.title), 'A')
        || to_tsvector('finnish'::regconfig, left(latest.text, 100000))) @@ words
      and private.reads_published(doc.id)
  ) as found
  order by found.rank desc, found.title
  limit least(greatest(coalesce(max_rows, 6), 1), 20);
end;
$$;

-- Unanswered questions of the networks where the caller is a lawyer or coordinator, oldest first.
create function public.sparring_queue()
returns table (
  id uuid, network_id uuid, network_slug text, network_name_fi text, network_name_sv text,
  title text, author_name text, organisation_name_fi text, organisation_name_sv text,
  created_at timestamptz, due_at timestamptz, overdue boolean, sections jsonb
)
language sql stable security definer
set search_path = ''
as $$
  select question.id, question.network_id, network.slug, network.name_fi, network.name_sv,
    question.title, private.display_name_of(question.author_id), organisation.name_fi,
    organisation.name_sv, question.created_at, question.due_at, question.due_at < now(),
    private.legal_sections_json(array(
      select reference.section_id from public.sparring_question_sections as reference
      where reference.question_id = question.id))
  from public.sparring_questions as question
  join public.networks as network on network.id = question.network_id
  left join public.organisations as organisation on organisation.id = question.organisation_id
  where question.first_answered_at is null and question.status <> 'resolved'
    and network.archived_at is null
    and (private.is_sparring_lawyer(question.network_id)
      or question.network_id in (select private.coordinated_network_ids()))
  order by question.created_at, question.id
  limit 500
$$;

-- Answers ------------------------------------------------------------------------------------------

create function public.answer_sparring_question(
  question_id uuid,
  body_html text,
  section_ids uuid[] default '{}',
  interpretation_ids uuid[] default '{}'
) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  question public.sparring_questions := private.lock_sparring_question(answer_sparring_question.question_id);
  created uuid;
begin
  if question.network_id not in (select private.writable_network_ids()) then
    raise exception 'only the network''s coordinators and members answer' using errcode = '42501';
  end if;
  if question.status = 'resolved' then
    raise exception 'the question is resolved' using errcode = '55000';
  end if;
  if private.html_text(body_html) = '' then
    raise exception 'an answer needs text' using errcode = '22023';
  end if;
  perform private.require_legal_sections(section_ids);
  if exists (
    select 1 from unnest(coalesce(interpretation_ids, '{}')) as wanted (id)
    where not exists (
      select 1 from public.documents as doc
      where doc.id = wanted.id and doc.kind = 'interpretation' and doc.published_version is not null
        and private.reads_published(doc.id)
    )
  ) then
    raise exception 'unknown interpretation' using errcode = '22023';
  end if;
  insert into public.sparring_answers (question_id, author_id, organisation_id, body_html)
  values (question.id, auth.uid(), private.home_organisation_of(auth.uid()), body_html)
  returning id into created;
  insert into public.sparring_answer_sections (answer_id, section_id)
  select distinct created, wanted from unnest(coalesce(section_ids, '{}')) as wanted;
  insert into public.sparring_answer_interpretations (answer_id, document_id)
  select distinct created, wanted from unnest(coalesce(interpretation_ids, '{}')) as wanted;
  -- The asker's own follow-ups are not answers to the target.
  if question.author_id is distinct from auth.uid() then
    update public.sparring_questions
    set first_answered_at = coalesce(first_answered_at, now()),
        status = case when status = 'open' then 'answered'::public.sparring_question_status else status end
    where id = question.id;
  end if;
  perform private.notify_sparring_member(question.author_id, 'sparring_answer_posted', question.network_id,
    private.sparring_question_link(question.id),
    jsonb_build_object('actor_name', private.display_name_of(auth.uid()), 'title', question.title));
  return created;
end;
$$;

-- A question's answers in order, with endorsements and references.
create function public.sparring_answers_of(question_id uuid)
returns table (
  id uuid, author_id uuid, author_name text, organisation_name_fi text, organisation_name_sv text,
  author_is_lawyer boolean, body_html text, created_at timestamptz, is_accepted boolean,
  endorsements jsonb, endorsed_by_me boolean, sections jsonb, interpretations jsonb,
  promoted_document_id uuid
)
language sql stable security definer
set search_path = ''
as $$
  select answer.id, answer.author_id, private.display_name_of(answer.author_id),
    organisation.name_fi, organisation.name_sv,
    private.is_sparring_lawyer_person(answer.author_id, question.network_id),
    answer.body_html, answer.created_at, question.accepted_answer_id = answer.id,
    coalesce((
      select jsonb_agg(jsonb_build_object('user_id', endorsement.user_id,
        'name', private.display_name_of(endorsement.user_id), 'created_at', endorsement.created_at)
        order by endorsement.created_at)
      from public.sparring_endorsements as endorsement where endorsement.answer_id = answer.id
    ), '[]'),
    exists (select 1 from public.sparring_endorsements as mine
      where mine.answer_id = answer.id and mine.user_id = auth.uid()),
    private.legal_sections_json(array(
      select reference.section_id from public.sparring_answer_sections as reference
      where reference.answer_id = answer.id)),
    coalesce((
      select jsonb_agg(jsonb_build_object('document_id', doc.id, 'slug', doc.slug,
        'title', latest.title, 'version', latest.number) order by latest.title)
      from public.sparring_answer_interpretations as reference
      join public.documents as doc on doc.id = reference.document_id
      join public.published_versions as latest
        on latest.document_id = doc.id and latest.number = doc.published_version
      where reference.answer_id = answer.id and private.reads_published(doc.id)
    ), '[]'),
    (select record.document_id from public.interpretations as record where record.answer_id = answer.id)
  from public.sparring_answers as answer
  join public.sparring_questions as question on question.id = answer.question_id
  left join public.organisations as organisation on organisation.id = answer.organisation_id
  where answer.question_id = sparring_answers_of.question_id
    and question.network_id in (select private.my_network_ids())
  order by answer.created_at, answer.id
$$;

-- Lawyers endorse (or withdraw their endorsement of) others' answers.
create function public.endorse_sparring_answer(answer_id uuid, endorse boolean default true)
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  answer public.sparring_answers;
  question public.sparring_questions;
begin
  select * into answer from public.sparring_answers where id = endorse_sparring_answer.answer_id;
  if answer.id is null then
    raise exception 'no such answer' using errcode = 'P0002';
  end if;
  question := private.lock_sparring_question(answer.question_id);
  if not private.is_sparring_lawyer(question.network_id) then
    raise exception 'only the network''s lawyers endorse answers' using errcode = '42501';
  end if;
  if answer.author_id = auth.uid() then
    raise exception 'you cannot endorse your own answer' using errcode = '42501';
  end if;
  if coalesce(endorse, true) then
    insert into public.sparring_endorsements (answer_id, user_id) values (answer.id, auth.uid())
    on conflict on constraint sparring_endorsements_pkey do nothing;
    if found then
      perform private.notify_sparring_member(answer.author_id, 'sparring_answer_endorsed', question.network_id,
        private.sparring_question_link(question.id),
        jsonb_build_object('actor_name', private.display_name_of(auth.uid()), 'title', question.title));
    end if;
  else
    delete from public.sparring_endorsements as endorsement
    where endorsement.answer_id = answer.id and endorsement.user_id = auth.uid();
  end if;
end;
$$;

-- The asker accepts an answer (or another one instead): the question is resolved.
create function public.accept_sparring_answer(answer_id uuid) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  answer public.sparring_answers;
  question public.sparring_questions;
begin
  select * into answer from public.sparring_answers where id = accept_sparring_answer.answer_id;
  if answer.id is null then
    raise exception 'no such answer' using errcode = 'P0002';
  end if;
  question := private.lock_sparring_question(answer.question_id);
  if question.author_id is distinct from auth.uid()
    or question.network_id not in (select private.writable_network_ids()) then
    raise exception 'only the asker accepts an answer' using errcode = '42501';
  end if;
  -- An answer that became an interpretation stays the accepted one.
  if exists (
    select 1 from public.interpretations as record
    where record.answer_id = question.accepted_answer_id and record.answer_id <> answer.id
  ) then
    raise exception 'the accepted answer is already an interpretation' using errcode = '55000';
  end if;
  update public.sparring_questions
  set accepted_answer_id = answer.id, status = 'resolved'
  where id = question.id;
  perform private.notify_sparring_member(answer.author_id, 'sparring_answer_accepted', question.network_id,
    private.sparring_question_link(question.id),
    jsonb_build_object('actor_name', private.display_name_of(auth.uid()), 'title', question.title));
end;
$$;

-- Interpretations ----------------------------------------------------------------------------------

-- A lawyer of the question's network turns its accepted answer into an interpretation record: a
-- draft document of kind 'interpretation' with the answer's text, owned by the lawyer's
-- organisation and editable by the network, ready for the editorial workflow.
create function public.promote_sparring_answer(
  answer_id uuid,
  title text,
  issuing_body text,
  justification text default '',
  valid_from date default current_date,
  valid_to date default null,
  supersedes uuid default null,
  section_ids uuid[] default null
) returns uuid
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  answer public.sparring_answers;
  question public.sparring_questions;
  created uuid;
  owner uuid := private.home_organisation_of(auth.uid());
begin
  select * into answer from public.sparring_answers where id = promote_sparring_answer.answer_id;
  if answer.id is null then
    raise exception 'no such answer' using errcode = 'P0002';
  end if;
  question := private.lock_sparring_question(answer.question_id);
  if not private.is_sparring_lawyer(question.network_id) then
    raise exception 'only the network''s lawyers promote answers' using errcode = '42501';
  end if;
  if question.accepted_answer_id is distinct from answer.id then
    raise exception 'only the accepted answer is promoted' using errcode = '55000';
  end if;
  if exists (select 1 from public.interpretations as record where record.answer_id = answer.id) then
    raise exception 'the answer is already an interpretation' using errcode = '23505';
  end if;
  if btrim(coalesce(title, '')) = '' or btrim(coalesce(issuing_body, '')) = '' then
    raise exception 'an interpretation needs a title and an issuing body' using errcode = '22023';
  end if;
  if supersedes is not null and not exists (
    select 1 from public.documents as doc
    where doc.id = supersedes and doc.kind = 'interpretation' and doc.published_version is not null
      and private.reads_published(doc.id)
  ) then
    raise exception 'only a published interpretation is superseded' using errcode = '22023';
  end if;
  perform private.require_legal_sections(section_ids);
  perform private.refuse_personal_data('title', title);

  insert into public.documents (title, kind, language, owner_organisation_id, html, created_by, owner_id)
  values (btrim(title), 'interpretation', 'fi', owner, answer.body_html, auth.uid(), auth.uid())
  returning id into created;
  insert into public.document_permissions (document_id, network_id, level, granted_by)
  values (created, question.network_id, 'edit', auth.uid());
  insert into public.interpretations (document_id, question_id, answer_id, network_id, issuing_body,
    justification, valid_from, valid_to, supersedes, created_by)
  values (created, question.id, answer.id, question.network_id, btrim(issuing_body),
    btrim(coalesce(justification, '')), coalesce(valid_from, current_date), valid_to, supersedes,
    auth.uid());
  insert into public.document_legal_references (document_id, section_id)
  select distinct created, wanted.id
  from unnest(coalesce(section_ids, array(
    select reference.section_id from public.sparring_question_sections as reference
    where reference.question_id = question.id
    union
    select reference.section_id from public.sparring_answer_sections as reference
    where reference.answer_id = answer.id
  ))) as wanted (id);

  perform private.record_audit('sparring.promote', 'document', created::text, owner,
    jsonb_build_object('question_id', question.id, 'answer_id', answer.id, 'title', btrim(title)));
  perform private.notify_sparring_member(question.author_id, 'sparring_answer_promoted', question.network_id,
    private.sparring_question_link(question.id),
    jsonb_build_object('actor_name', private.display_name_of(auth.uid()), 'title', question.title));
  if answer.author_id is distinct from question.author_id then
    perform private.notify_sparring_member(answer.author_id, 'sparring_answer_promoted', question.network_id,
      private.sparring_question_link(question.id),
      jsonb_build_object('actor_name', private.display_name_of(auth.uid()), 'title', question.title));
  end if;
  return created;
end;
$$;

-- Editors of an interpretation document set its fields (made on first save for an interpretation
-- written from scratch).
create function public.save_interpretation(
  document_id uuid,
  issuing_body text,
  justification text default '',
  valid_from date default current_date,
  valid_to date default null,
  supersedes uuid default null
) returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  doc public.documents := private.lock_document(save_interpretation.document_id);
begin
  if not coalesce(private.document_access_of(auth.uid(), doc.id) = 'edit', false) then
    raise exception 'only the document''s editors change it' using errcode = '42501';
  end if;
  if doc.kind <> 'interpretation' then
    raise exception 'only an interpretation has these fields' using errcode = '22023';
  end if;
  if btrim(coalesce(issuing_body, '')) = '' then
    raise exception 'an interpretation needs an issuing body' using errcode = '22023';
  end if;
  if valid_to is not null and valid_to < coalesce(valid_from, current_date) then
    raise exception 'valid to is before valid from' using errcode = '22023';
  end if;
  if supersedes is not null and (supersedes = doc.id or not exists (
    select 1 from public.documents as other
    where other.id = supersedes and other.kind = 'interpretation' and other.published_version is not null
      and private.reads_published(other.id)
  )) then
    raise exception 'only another published interpretation is superseded' using errcode = '22023';
  end if;
  insert into public.interpretations (document_id, issuing_body, justification, valid_from, valid_to,
    supersedes, created_by)
  values (doc.id, btrim(issuing_body), btrim(coalesce(justification, '')),
    coalesce(valid_from, current_date), valid_to, supersedes, auth.uid())
  on conflict on constraint interpretations_pkey do update
  set issuing_body = excluded.issuing_body, justification = excluded.justification,
      valid_from = excluded.valid_from, valid_to = excluded.valid_to, supersedes = excluded.supersedes;
end;
$$;

-- Editors set the act sections a document is about (an interpretation's legal basis).
create function public.set_document_legal_references(document_id uuid, section_ids uuid[])
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  doc public.documents := private.lock_document(set_document_legal_references.document_id);
begin
  if not coalesce(private.document_access_of(auth.uid(), doc.id) = 'edit', false) then
    raise exception 'only the document''s editors change it' using errcode = '42501';
  end if;
  perform private.require_legal_sections(section_ids);
  delete from public.document_legal_references as reference where reference.document_id = doc.id;
  insert into public.document_legal_references (document_id, section_id)
  select distinct doc.id, wanted from unnest(coalesce(section_ids, '{}')) as wanted;
end;
$$;

-- The interpretation fields and references of a document the caller reads (its draft).
create function public.document_interpretation(document_id uuid)
returns table (
  is_interpretation boolean, issuing_body text, justification text, nature text,
  valid_from date, valid_to date, supersedes uuid, supersedes_title text, question_id uuid,
  question_link text, sections jsonb, can_edit boolean
)
language sql stable security definer
set search_path = ''
as $$
  select doc.kind = 'interpretation', record.issuing_body, record.justification, record.nature,
    record.valid_from, record.valid_to, record.supersedes,
    (select latest.title from public.documents as other
      join public.published_versions as latest
        on latest.document_id = other.id and latest.number = other.published_version
      where other.id = record.supersedes and private.reads_published(other.id)),
    record.question_id,
    case when record.question_id in (select private.readable_sparring_question_ids())
      then private.sparring_question_link(record.question_id) end,
    private.legal_sections_json(array(
      select reference.section_id from public.document_legal_references as reference
      where reference.document_id = doc.id)),
    coalesce(private.document_access_of(auth.uid(), doc.id) = 'edit', false)
  from public.documents as doc
  left join public.interpretations as record on record.document_id = doc.id
  where doc.id = document_interpretation.document_id
    and doc.id in (select private.readable_document_ids())
$$;

-- The library ---------------------------------------------------------------------------------------

-- A published interpretation's fields as version `version` (the latest when null) published them,
-- and what it supersedes and is superseded by.
create function public.library_interpretation(slug text, version integer default null)
returns table (
  document_id uuid, number integer, issuing_body text, justification text, nature text,
  valid_from date, valid_to date, sections jsonb, question_id uuid, question_link text,
  supersedes_slug text, supersedes_title text, superseded_by_slug text, superseded_by_title text
)
language sql stable security definer
set search_path = ''
as $$
  select doc.id, snapshot.number, snapshot.issuing_body, snapshot.justification, snapshot.nature,
    snapshot.valid_from, snapshot.valid_to, private.legal_sections_json(published.legal_section_ids),
    snapshot.question_id,
    case when snapshot.question_id in (select private.readable_sparring_question_ids())
      then private.sparring_question_link(snapshot.question_id) end,
    older.slug,
    (select older_latest.title from public.published_versions as older_latest
      where older_latest.document_id = older.id and older_latest.number = older.published_version),
    newer.slug, newer.title
  from public.documents as doc
  join public.published_interpretations as snapshot
    on snapshot.document_id = doc.id
    and snapshot.number = coalesce(library_interpretation.version, doc.published_version)
  join public.published_versions as published on published.id = snapshot.published_version_id
  left join public.documents as older
    on older.id = snapshot.supersedes and older.slug is not null and private.reads_published(older.id)
  left join lateral private.superseded_by(doc.id) as newer on true
  where doc.slug = library_interpretation.slug and private.reads_published(doc.id)
$$;

-- Published documents whose latest version refers to a section, newest first (archived ones left
-- out): the library's "by act section" filter.
create function public.library_documents_for_section(
  section_id uuid,
  max_rows integer default 50,
  skip integer default 0
)
returns table (
  document_id uuid, slug text, title text, kind public.document_kind, language text,
  latest_version integer, published_at timestamptz, review_due date, owner_name text,
  owner_organisation_name_fi text, owner_organisation_name_sv text, outdated boolean,
  superseded boolean
)
language sql stable security definer
set search_path = ''
as $$
  select doc.id, doc.slug, latest.title, latest.kind, latest.language, doc.published_version,
    doc.published_at, doc.review_due, private.display_name_of(doc.owner_id), organisation.name_fi,
    organisation.name_sv, private.translation_outdated(doc.id),
    exists (select 1 from private.superseded_by(doc.id))
  from public.documents as doc
  join public.published_versions as latest
    on latest.document_id = doc.id and latest.number = doc.published_version
  left join public.organisations as organisation on organisation.id = doc.owner_organisation_id
  where doc.status <> 'archived'
    and latest.legal_section_ids @> array[library_documents_for_section.section_id]
    and private.reads_published(doc.id)
  order by doc.published_at desc, doc.id
  limit least(greatest(coalesce(max_rows, 50), 1), 200)
  offset greatest(coalesce(skip, 0), 0)
$$;

-- The divergence view: for a section, what each organisation has published about it.
create function public.legal_section_divergence(section_id uuid)
returns table (
  document_id uuid, slug text, title text, kind public.document_kind, language text,
  latest_version integer, published_at timestamptz, organisation_id uuid,
  organisation_name_fi text, organisation_name_sv text, issuing_body text, valid_from date,
  valid_to date, superseded_by_slug text, excerpt text
)
language sql stable security definer
set search_path = ''
as $$
  select doc.id, doc.slug, latest.title, latest.kind, latest.language, doc.published_version,
    doc.published_at, doc.owner_organisation_id, organisation.name_fi, organisation.name_sv,
    snapshot.issuing_body, snapshot.valid_from, snapshot.valid_to, newer.slug, left(latest.text, 400)
  from public.documents as doc
  join public.published_versions as latest
    on latest.document_id = doc.id and latest.number = doc.published_version
  left join public.organisations as organisation on organisation.id = doc.owner_organisation_id
  left join public.published_interpretations as snapshot on snapshot.published_version_id = latest.id
  left join lateral private.superseded_by(doc.id) as newer on true
  where doc.status <> 'archived'
    and latest.legal_section_ids @> array[legal_section_divergence.section_id]
    and private.reads_published(doc.id)
  order by organisation.name_fi, latest.kind, doc.published_at desc
  limit 500
$$;

-- Sparring questions about a section, in the caller's sparring networks.
create function public.legal_section_questions(section_id uuid)
returns table (
  question_id uuid, network_slug text, title text, status public.sparring_question_status,
  created_at timestamptz
)
language sql stable security definer
set search_path = ''
as $$
  select question.id, network.slug, question.title, question.status, question.created_at
  from public.sparring_question_sections as reference
  join public.sparring_questions as question on question.id = reference.question_id
  join public.networks as network on network.id = question.network_id
  where reference.section_id = legal_section_questions.section_id
    and question.network_id in (select private.my_network_ids())
  order by question.created_at desc
  limit 200
$$;

-- The server's job -------------------------------------------------------------------------------------

-- Flags questions whose first answer is overdue: notifies the network's coordinators once per
-- question. Returns how many were flagged.
create function public.flag_overdue_sparring_questions(at timestamptz default now()) returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
  question public.sparring_questions;
  flagged integer := 0;
begin
  for question in
    select candidate.* from public.sparring_questions as candidate
    join public.networks as network on network.id = candidate.network_id
    where candidate.first_answered_at is null and candidate.status <> 'resolved'
      and candidate.overdue_notified_at is null and candidate.due_at <= at
      and network.archived_at is null
    order by candidate.due_at
    for update of candidate skip locked
  loop
    update public.sparring_questions set overdue_notified_at = at where id = question.id;
    perform private.notify_coordinators(question.network_id, 'sparring_question_overdue',
      private.sparring_question_link(question.id),
      jsonb_build_object('title', question.title, 'status', question.due_at::text));
    flagged := flagged + 1;
  end loop;
  return flagged;
end;
$$;

-- Grants ---------------------------------------------------------------------------------------------

revoke all on public.legal_acts, public.legal_sections, public.sparring_settings,
  public.sparring_lawyers, public.sparring_questions, public.sparring_question_sections,
  public.sparring_answers, public.sparring_answer_sections, public.sparring_answer_interpretations,
  public.sparring_endorsements, public.interpretations, public.document_legal_references,
  public.published_interpretations from anon, authenticated;
grant select on public.legal_acts, public.legal_sections, public.sparring_settings,
  public.sparring_lawyers, public.sparring_questions, public.sparring_question_sections,
  public.sparring_answers, public.sparring_answer_sections, public.sparring_answer_interpretations,
  public.sparring_endorsements, public.interpretations, public.document_legal_references,
  public.published_interpretations to authenticated;

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
  private.readable_round_ids(),
  private.readable_sparring_question_ids()
to authenticated;

revoke all on function
  public.set_sparring_lawyer(uuid, uuid, boolean),
  public.set_sparring_target(uuid, integer),
  public.my_sparring_role(uuid),
  public.sparring_lawyers_of(uuid),
  public.ask_sparring_question(uuid, text, text, uuid[], text[]),
  public.edit_sparring_question(uuid, text, text, uuid[], text[]),
  public.sparring_question_list(uuid, public.sparring_question_status, uuid, text, integer, integer),
  public.sparring_question(uuid),
  public.similar_sparring_items(text, integer),
  public.sparring_queue(),
  public.answer_sparring_question(uuid, text, uuid[], uuid[]),
  public.sparring_answers_of(uuid),
  public.endorse_sparring_answer(uuid, boolean),
  public.accept_sparring_answer(uuid),
  public.promote_sparring_answer(uuid, text, text, text, date, date, uuid, uuid[]),
  public.save_interpretation(uuid, text, text, date, date, uuid),
  public.set_document_legal_references(uuid, uuid[]),
  public.document_interpretation(uuid),
  public.library_interpretation(text, integer),
  public.library_documents_for_section(uuid, integer, integer),
  public.legal_section_divergence(uuid),
  public.legal_section_questions(uuid),
  public.flag_overdue_sparring_questions(timestamptz)
from public, anon;
grant execute on function
  public.set_sparring_lawyer(uuid, uuid, boolean),
  public.set_sparring_target(uuid, integer),
  public.my_sparring_role(uuid),
  public.sparring_lawyers_of(uuid),
  public.ask_sparring_question(uuid, text, text, uuid[], text[]),
  public.edit_sparring_question(uuid, text, text, uuid[], text[]),
  public.sparring_question_list(uuid, public.sparring_question_status, uuid, text, integer, integer),
  public.sparring_question(uuid),
  public.similar_sparring_items(text, integer),
  public.sparring_queue(),
  public.answer_sparring_question(uuid, text, uuid[], uuid[]),
  public.sparring_answers_of(uuid),
  public.endorse_sparring_answer(uuid, boolean),
  public.accept_sparring_answer(uuid),
  public.promote_sparring_answer(uuid, text, text, text, date, date, uuid, uuid[]),
  public.save_interpretation(uuid, text, text, date, date, uuid),
  public.set_document_legal_references(uuid, uuid[]),
  public.document_interpretation(uuid),
  public.library_interpretation(text, integer),
  public.library_documents_for_section(uuid, integer, integer),
  public.legal_section_divergence(uuid),
  public.legal_section_questions(uuid)
to authenticated;
-- Default privileges grant every new function to authenticated too: the job is the server's.
revoke all on function public.flag_overdue_sparring_questions(timestamptz) from authenticated;
grant execute on function public.flag_overdue_sparring_questions(timestamptz) to service_role;

-- Row level security ---------------------------------------------------------------------------------

alter table public.legal_acts enable row level security;
alter table public.legal_sections enable row level security;
alter table public.sparring_settings enable row level security;
alter table public.sparring_lawyers enable row level security;
alter table public.sparring_questions enable row level security;
alter table public.sparring_question_sections enable row level security;
alter table public.sparring_answers enable row level security;
alter table public.sparring_answer_sections enable row level security;
alter table public.sparring_answer_interpretations enable row level security;
alter table public.sparring_endorsements enable row level security;
alter table public.interpretations enable row level security;
alter table public.document_legal_references enable row level security;
alter table public.published_interpretations enable row level security;

create policy "active users read the acts"
on public.legal_acts for select to authenticated
using (private.is_active_user());

create policy "active users read the acts' sections"
on public.legal_sections for select to authenticated
using (private.is_active_user());

create policy "members of a sparring network read its response target"
on public.sparring_settings for select to authenticated
using (network_id in (select private.my_network_ids()));

create policy "members of a sparring network see its lawyers"
on public.sparring_lawyers for select to authenticated
using (network_id in (select private.my_network_ids()));

create policy "members of a sparring network read its questions"
on public.sparring_questions for select to authenticated
using (network_id in (select private.my_network_ids()));

create policy "readers of a question see its sections"
on public.sparring_question_sections for select to authenticated
using (question_id in (select private.readable_sparring_question_ids()));

create policy "readers of a question read its answers"
on public.sparring_answers for select to authenticated
using (question_id in (select private.readable_sparring_question_ids()));

create policy "readers of a question see its answers' sections"
on public.sparring_answer_sections for select to authenticated
using (answer_id in (
  select answer.id from public.sparring_answers as answer
  where answer.question_id in (select private.readable_sparring_question_ids())
));

create policy "readers of a question see its answers' interpretations"
on public.sparring_answer_interpretations for select to authenticated
using (answer_id in (
  select answer.id from public.sparring_answers as answer
  where answer.question_id in (select private.readable_sparring_question_ids())
));

create policy "readers of a question see the endorsements"
on public.sparring_endorsements for select to authenticated
using (answer_id in (
  select answer.id from public.sparring_answers as answer
  where answer.question_id in (select private.readable_sparring_question_ids())
));

create policy "readers of a document read its interpretation fields"
on public.interpretations for select to authenticated
using (document_id in (select private.readable_document_ids()));

create policy "readers of a document read its legal references"
on public.document_legal_references for select to authenticated
using (document_id in (select private.readable_document_ids()));

create policy "readers of the library read published interpretations"
on public.published_interpretations for select to authenticated
using (private.reads_published(document_id));
