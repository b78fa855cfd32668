-- The audit log of sensitive actions: who did what to whom, when.
--
-- Append-only for everyone, the table's owner included (a trigger refuses update and delete).
-- Rows are written only by security definer functions and triggers through
-- private.record_audit(); no API role may insert. Platform admins read all of it, an
-- organisation's admins the rows of their own organisation, both only at aal2.

create table public.audit_log (
  id bigint generated always as identity primary key,
  -- No foreign keys: the record outlives the people and organisations it names.
  actor_id uuid,
  action text not null check (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  target_type text,
  target_id text,
  organisation_id uuid,
  at timestamptz not null default now(),
  details jsonb not null default '{}'
);

create function private.refuse_audit_log_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'the audit log is append-only' using errcode = '42501';
end;
$$;

create trigger audit_log_is_append_only
  before update or delete on public.audit_log
  for each row execute function private.refuse_audit_log_change();

create trigger audit_log_is_not_truncated
  before truncate on public.audit_log
  for each statement execute function private.refuse_audit_log_change();

-- The one way rows get into the log. The actor is the caller unless given (the sign-up trigger
-- runs without a caller and names the new user).
create function private.record_audit(
  action text,
  target_type text,
  target_id text,
  organisation_id uuid,
  details jsonb default '{}',
  actor_id uuid default auth.uid()
) returns void
language sql volatile security definer
set search_path = ''
as $$
  insert into public.audit_log (actor_id, action, target_type, target_id, organisation_id, details)
  values (actor_id, action, target_type, target_id, organisation_id, coalesce(details, '{}'))
$$;

-- Changes platform admins make through RLS (organisations, domains, platform admins) are
-- recorded by triggers, so no path around the log exists.
create function private.audit_platform_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  entity text := case tg_table_name
    when 'organisations' then 'organisation'
    when 'organisation_domains' then 'organisation_domain'
    else 'platform_admin'
  end;
  verb text := case tg_op when 'INSERT' then 'created' when 'UPDATE' then 'updated' else 'deleted' end;
  changed jsonb := to_jsonb(coalesce(new, old));
  target text := coalesce(changed ->> 'id', changed ->> 'domain', changed ->> 'user_id');
  organisation uuid := case tg_table_name
    when 'organisations' then (changed ->> 'id')::uuid
    when 'organisation_domains' then (changed ->> 'organisation_id')::uuid
  end;
  details jsonb := case tg_op
    when 'UPDATE' then jsonb_build_object('before', to_jsonb(old), 'after', to_jsonb(new))
    else jsonb_build_object('row', changed)
  end;
begin
  perform private.record_audit(entity || '.' || verb, entity, target, organisation, details);
  return null;
end;
$$;

create trigger organisations_audited
  after insert or update or delete on public.organisations
  for each row execute function private.audit_platform_change();
create trigger organisation_domains_audited
  after insert or update or delete on public.organisation_domains
  for each row execute function private.audit_platform_change();
create trigger platform_admins_audited
  after insert or update or delete on public.platform_admins
  for each row execute function private.audit_platform_change();

revoke all on public.audit_log from anon, authenticated, service_role;
grant select on public.audit_log to authenticated, service_role;
revoke all on function private.record_audit(text, text, text, uuid, jsonb, uuid) from public, anon, authenticated;
revoke all on function private.refuse_audit_log_change() from public, anon, authenticated;
revoke all on function private.audit_platform_change() from public, anon, authenticated;

alter table public.audit_log enable row level security;

create policy "platform admins and the organisation's admins read the audit log"
  on public.audit_log for select to authenticated
  using (
    (select private.is_aal2())
    and (
      (select private.is_platform_admin())
      or organisation_id in (select private.admin_organisation_ids())
    )
  );

create index audit_log_organisation_id_at_idx on public.audit_log (organisation_id, at desc);
-- For "failed recovery codes of this person lately" (redeem_recovery_code's throttle).
create index audit_log_actor_id_action_at_idx on public.audit_log (actor_id, action, at desc);
