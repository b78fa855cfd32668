-- Benchmark schema: 100 groups, 10,000 items, readable by any signed-in user through RLS.
create table if not exists public.bench_groups (
  id bigint generated always as identity primary key,
  name text not null
);
create table if not exists public.bench_items (
  id bigint generated always as identity primary key,
  group_id bigint not null references public.bench_groups (id),
  title text not null,
  body text not null default '',
  created_by uuid default auth.uid(),
  created_at timestamptz not null default now()
);
create index if not exists bench_items_group_id_idx on public.bench_items (group_id);
alter table public.bench_groups enable row level security;
alter table public.bench_items enable row level security;
create policy "signed-in users read groups" on public.bench_groups
  for select to authenticated using (true);
create policy "signed-in users read items" on public.bench_items
  for select to authenticated using (true);
create policy "signed-in users add their own items" on public.bench_items
  for insert to authenticated with check (created_by = (select auth.uid()));

insert into public.bench_groups (name)
  select 'Ryhmä ' || n from generate_series(1, 100) as n;
insert into public.bench_items (group_id, title, body)
  select 1 + (n % 100), 'Ohje numero ' || n, repeat('Työllisyyspalvelujen ohjeteksti. ', 10)
  from generate_series(1, 10000) as n;
analyze public.bench_groups;
analyze public.bench_items;
