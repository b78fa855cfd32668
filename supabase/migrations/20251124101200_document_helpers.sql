-- Helpers the document pages ask so they show only the controls a person can use. The database
-- still decides every action again (grant_document_permission, revoke_document_permission).

-- Whether the caller may share the document: its creator, the owner organisation's admins and
-- the coordinators of its network (private.manages_document, which the API does not expose).
-- security definer: API roles may not execute private.manages_document themselves; it answers
-- for auth.uid(), so nobody learns more than about themselves.
create function public.can_manage_document(document_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(private.manages_document(can_manage_document.document_id), false)
$$;

revoke all on function public.can_manage_document(uuid) from public, anon;
grant execute on function public.can_manage_document(uuid) to authenticated;
