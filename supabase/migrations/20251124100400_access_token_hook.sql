-- Supabase's custom access token hook: the auth server asks this function before it issues or
-- refreshes a session. A member whose organisation has deactivated them (and who is active
-- nowhere) gets no new token, on top of RLS refusing their every request at once.
-- On hosted Supabase, enable it under Authentication → Hooks (Custom Access Token).

create or replace function public.custom_access_token_hook(event jsonb)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  target uuid := (event ->> 'user_id')::uuid;
begin
  if exists (
    select 1 from public.organisation_members m
     where m.user_id = target and m.status = 'deactivated'
  ) and not exists (
    select 1 from public.organisation_members m
     where m.user_id = target and m.status = 'active'
  ) then
    return jsonb_build_object(
      'error',
      jsonb_build_object('http_code', 403, 'message', 'Your organisation has ended your access to Verkko')
    );
  end if;
  return jsonb_build_object('claims', event -> 'claims');
end;
$$;

revoke execute on function public.custom_access_token_hook(jsonb) from public, anon, authenticated, service_role;

do $$
begin
  if exists (select from pg_roles where rolname = 'supabase_auth_admin') then
    grant execute on function public.custom_access_token_hook(jsonb) to supabase_auth_admin;
  end if;
end
$$;
