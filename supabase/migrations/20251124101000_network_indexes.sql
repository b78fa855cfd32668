-- Indexes the network pages need at scale (found with npm run bench:networks; decision 011).
--
-- network_members' select policy calls private.has_active_home_membership(user_id) for every row
-- it lets through, and Postgres applies a policy before any condition of the query that is not
-- leakproof, such as `role = 'coordinator'` (enum equality is not leakproof) or a sort. Without
-- these indexes, listing a network's coordinators or its newest members checked every member of
-- the network: 11,000 function calls for one directory page of 24 networks with 10,000 people.
-- With them, the index hands the policy only the rows the query wants.

-- The directory's coordinator names (network_directory) and the workspace header.
create index network_members_coordinators_idx
  on public.network_members (network_id) where role = 'coordinator';

-- The overview's newest members and the "new since your last visit" member count.
create index network_members_network_joined_idx
  on public.network_members (network_id, joined_at desc);
