-- What a Supabase project provides before any migration runs, reproduced for the embedded stack.
-- Migrations in supabase/migrations rely on these objects and never create them, so the same
-- migrations apply unchanged to a hosted Supabase project. Idempotent: runs on every start.

do $$
begin
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$$;

create schema if not exists extensions;
create schema if not exists auth;

grant usage on schema public to anon, authenticated, service_role;
grant usage on schema extensions to anon, authenticated, service_role;
grant usage on schema auth to anon, authenticated, service_role;

-- Supabase grants table, sequence and function privileges in public to the API roles by default;
-- row level security, not grants, is what protects rows.
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;

create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key default gen_random_uuid(),
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb not null default '{}'::jsonb,
  raw_user_meta_data jsonb not null default '{}'::jsonb,
  is_super_admin boolean,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  phone text,
  phone_confirmed_at timestamptz,
  banned_until timestamptz,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);
create unique index if not exists users_email_key on auth.users (lower(email)) where email is not null;

create table if not exists auth.identities (
  id uuid primary key default gen_random_uuid(),
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  email text generated always as (lower(identity_data ->> 'email')) stored,
  unique (provider_id, provider)
);

create table if not exists auth.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  aal text not null default 'aal1',
  amr jsonb not null default '[]'::jsonb,
  not_after timestamptz,
  user_agent text,
  ip text
);
create index if not exists sessions_user_id_idx on auth.sessions (user_id);

create table if not exists auth.refresh_tokens (
  id bigserial primary key,
  token varchar(255) not null unique,
  user_id uuid not null references auth.users (id) on delete cascade,
  session_id uuid not null references auth.sessions (id) on delete cascade,
  parent varchar(255),
  revoked boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists refresh_tokens_session_id_idx on auth.refresh_tokens (session_id);

create table if not exists auth.mfa_factors (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  friendly_name text,
  factor_type text not null default 'totp',
  status text not null default 'unverified',
  secret text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_challenged_at timestamptz
);
create index if not exists mfa_factors_user_id_idx on auth.mfa_factors (user_id);

create table if not exists auth.mfa_challenges (
  id uuid primary key default gen_random_uuid(),
  factor_id uuid not null references auth.mfa_factors (id) on delete cascade,
  created_at timestamptz not null default now(),
  verified_at timestamptz,
  ip_address text
);

-- The caller's JWT claims, as PostgREST sets them for the transaction. After a transaction ends
-- PGlite reports the setting as '' rather than null, hence nullif.
create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

grant execute on function auth.jwt(), auth.uid(), auth.role(), auth.email()
  to anon, authenticated, service_role;

-- Not part of Supabase: bookkeeping of the embedded stack itself.
create schema if not exists embedded;

-- E-mails the embedded auth would send (confirmation, recovery, invitations), readable at a
-- development-only page instead of leaving the machine.
create table if not exists embedded.email_outbox (
  id bigserial primary key,
  recipient text not null,
  subject text not null,
  body text not null,
  kind text not null,
  created_at timestamptz not null default now()
);

-- Failed and successful sign-in attempts, for rate limiting per e-mail and per IP address.
create table if not exists embedded.login_attempts (
  id bigserial primary key,
  email text not null,
  ip text not null,
  succeeded boolean not null,
  at timestamptz not null default now()
);
create index if not exists login_attempts_email_at_idx on embedded.login_attempts (email, at);
create index if not exists login_attempts_ip_at_idx on embedded.login_attempts (ip, at);

-- Columns and tables the embedded auth service needs beyond the first cut, named as in Supabase's
-- auth schema so code written against a hosted project reads the same data.
alter table auth.users add column if not exists email_change_token_new varchar(255);
alter table auth.users add column if not exists email_change_token_current varchar(255);
alter table auth.users add column if not exists email_change_confirm_status smallint default 0;
alter table auth.users add column if not exists reauthentication_token varchar(255);
alter table auth.users add column if not exists reauthentication_sent_at timestamptz;
alter table auth.users add column if not exists confirmed_at timestamptz
  generated always as (least(email_confirmed_at, phone_confirmed_at)) stored;
create index if not exists users_confirmation_token_idx on auth.users (confirmation_token)
  where confirmation_token is not null and confirmation_token <> '';
create index if not exists users_recovery_token_idx on auth.users (recovery_token)
  where recovery_token is not null and recovery_token <> '';

alter table auth.sessions add column if not exists refreshed_at timestamp;
alter table auth.sessions add column if not exists factor_id uuid;
create index if not exists refresh_tokens_parent_idx on auth.refresh_tokens (parent);

-- PKCE: the code challenge of an e-mail flow (signup, recovery, magic link) until its
-- verification link is followed, then the one-time auth code exchanged for a session.
create table if not exists auth.flow_state (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references auth.users (id) on delete cascade,
  auth_code text not null,
  code_challenge_method text not null,
  code_challenge text not null,
  provider_type text not null,
  provider_access_token text,
  provider_refresh_token text,
  authentication_method text not null,
  auth_code_issued_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists flow_state_auth_code_idx on auth.flow_state (auth_code);
create index if not exists flow_state_user_id_idx on auth.flow_state (user_id, authentication_method);

alter table embedded.email_outbox add column if not exists link text;

-- MFA (TOTP): the parts of GoTrue's MFA schema the embedded auth uses beyond the first cut.
-- A friendly name is unique per user, as in GoTrue (unnamed factors are exempt from the index).
create unique index if not exists mfa_factors_user_friendly_name_unique
  on auth.mfa_factors (friendly_name, user_id) where trim(friendly_name) <> '';
create index if not exists factor_id_created_at_idx on auth.mfa_factors (user_id, created_at);
alter table auth.mfa_factors add column if not exists phone text;
create index if not exists mfa_challenge_created_at_idx on auth.mfa_challenges (created_at desc);
create index if not exists mfa_challenges_factor_id_idx on auth.mfa_challenges (factor_id);
create index if not exists sessions_factor_id_idx on auth.sessions (factor_id);

-- Not in GoTrue: verification attempts per factor, for limiting guesses of six-digit codes and for
-- refusing a code (time step) that was already accepted once (RFC 6238 section 5.2). Rows go
-- with their factor, however it is deleted (unenrolment, admin API, or SQL such as a recovery code).
create table if not exists embedded.mfa_verification_attempts (
  id bigserial primary key,
  factor_id uuid not null references auth.mfa_factors (id) on delete cascade,
  succeeded boolean not null,
  time_step bigint,
  at timestamptz not null default now()
);
create index if not exists mfa_verification_attempts_factor_at_idx
  on embedded.mfa_verification_attempts (factor_id, at);

-- Daily background jobs (server/jobs/scheduler.ts): one row per job and local date, claimed
-- before the job runs, so a restart or a second server does not run it twice that day.
create table if not exists embedded.scheduled_job_runs (
  job text not null,
  local_date date not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  primary key (job, local_date)
);
