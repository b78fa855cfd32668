/**
 * Bulk data for the network benchmark, generated in SQL (generate_series, a fixed random seed) on
 * a database that already has the migrations and the demo seed: people spread over the seeded
 * organisations, networks of every kind, skewed memberships (a few large national networks, a
 * long tail of small ones), discussions, meetings, tasks, visits and notifications.
 *
 * Content goes in as the owner with the content tables' own triggers switched off: they notify
 * people and bump counters row by row, which would turn 200,000 posts into millions of
 * notifications and an hour of loading. The counters they keep (reply counts, last activity,
 * member counts, registrations) are computed afterwards in bulk, so the pages see the same
 * columns a real history would have left.
 */
import bcrypt from "bcryptjs";
import type { Database } from "../../server/embedded/db";

export interface NetworkDataOptions {
  users: number;
  networks: number;
  /** Threads and replies together; a fifth of them are threads. */
  posts: number;
  /** The password every generated person signs in with. */
  password: string;
}

export interface GeneratedData {
  users: number;
  networks: number;
  threads: number;
  replies: number;
}

/** Ids are fixed patterns so a second look at the data (or a test) can find them again. */
const userId = (expr: string) => `('b0000000-0000-4000-8000-' || lpad((${expr})::text, 12, '0'))::uuid`;
const networkId = (expr: string) => `('b1000000-0000-4000-8000-' || lpad((${expr})::text, 12, '0'))::uuid`;

const contentTables = [
  "public.discussion_threads",
  "public.discussion_replies",
  "public.discussion_reactions",
  "public.meetings",
  "public.meeting_registrations",
  "public.tasks",
];

export async function generateNetworkData(
  db: Database,
  options: NetworkDataOptions,
  log: (message: string) => void = () => undefined,
): Promise<GeneratedData> {
  const { users, networks, posts } = options;
  const threads = Math.max(1, Math.round(posts / 5));
  const replies = posts - threads;
  // One hash for everyone: bcrypt at cost 4 keeps signing in the sample users quick.
  const passwordHash = bcrypt.hashSync(options.password, 4);
  const step = async (what: string, sql: string) => {
    const started = performance.now();
    await db.exec(sql);
    log(`  ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  };

  const { rows: domains } = await db.query<{ domain: string }>(
    `select domain.domain from public.organisation_domains as domain
     join public.organisations as organisation on organisation.id = domain.organisation_id
     where organisation.kind <> 'vendor' order by domain.domain`,
  );
  if (domains.length === 0) throw new Error("the demo seed must be loaded first (no organisations)");
  const domainList = `array[${domains.map((d) => `'${d.domain.replaceAll("'", "''")}'`).join(",")}]`;

  await step(
    `${users} people with active memberships in ${domains.length} organisations`,
    `
    select setseed(0.2025);
    insert into auth.users (
      instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
      raw_app_meta_data, raw_user_meta_data, created_at, updated_at
    )
    select '00000000-0000-0000-0000-000000000000', ${userId("n")}, 'authenticated', 'authenticated',
      'bench.' || lpad(n::text, 5, '0') || '@' || (${domainList})[1 + n % ${domains.length}],
      '${passwordHash}', now(), '{"provider":"email","providers":["email"]}',
      jsonb_build_object('full_name',
        (array['Aino','Eero','Helmi','Juha','Katja','Lauri','Minna','Niko','Oona','Pekka','Riikka',
               'Sami','Tiina','Ville','Anu','Jari','Leena','Markus','Sari','Timo'])[1 + n % 20]
        || ' ' ||
        (array['Virtanen','Korhonen','Mäkinen','Nieminen','Hämäläinen','Laine','Heikkinen','Koskinen',
               'Järvinen','Lehtonen','Lehtinen','Saarinen','Salminen','Heinonen','Niemi','Kinnunen',
               'Salonen','Turunen','Salo','Laitinen','Tuominen','Rantanen','Karjalainen','Jokinen',
               'Mattila','Savolainen','Lahtinen','Ahonen'])[1 + (n / 20) % 28]),
      now() - (n % 700) * interval '1 day', now()
    from generate_series(1, ${users}) as n;

    insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
    select users.id::text, users.id,
      jsonb_build_object('sub', users.id::text, 'email', users.email, 'email_verified', true),
      'email', now(), now()
    from auth.users as users where users.id::text like 'b0000000-%';

    update public.organisation_members
    set status = 'active', decided_at = now()
    where user_id::text like 'b0000000-%';
    `,
  );

  await step(
    `${networks} networks`,
    `
    select setseed(0.2026);
    insert into public.networks (
      id, slug, kind, name_fi, name_sv, purpose_fi, purpose_sv, owner_organisation_id, visibility,
      join_policy, allow_guests, topics, review_due, archived_at, created_at
    )
    select ${networkId("n")},
      'bench-' || n || '-' || topic.slug,
      kind.value::public.network_kind,
      initcap(topic.name) || kind.suffix || ' ' || n,
      case when n % 4 = 0 then 'Nätverk ' || n || ': ' || topic.name end,
      'Verkosto kokoaa työllisyysalueiden asiantuntijat kehittämään aihetta ' || topic.name
        || ': yhteiset käytännöt, koulutukset ja kokemusten vaihto TE24-uudistuksen jälkeen.',
      case when n % 4 = 0 then 'Nätverket samlar experter kring ' || topic.name || '.' end,
      organisation.ids[1 + n % cardinality(organisation.ids)],
      case when n % 5 = 0 then 'members' else 'signed_in' end::public.network_visibility,
      (array['open','request','request','invitation'])[1 + n % 4]::public.network_join_policy,
      kind.value = 'ict',
      array[topic.name, (array['työttömyysturva','palkkatuki','kotoutuminen','nuorten palvelut',
        'yrityspalvelut','asiointipalvelut','380/2023','Ohjaamo'])[1 + (n / 7) % 8]],
      case when n % 50 = 0 then current_date - 10 else current_date + 1 + (n * 37) % 700 end,
      case when n % 40 = 0 then now() - interval '20 days' end,
      now() - (30 + (n * 13) % 900) * interval '1 day'
    from generate_series(1, ${networks}) as n
    cross join lateral (
      select (array['national','regional','regional','independent','independent','legal_sparring',
                    'editorial_board','ict'])[1 + n % 8] as value,
             (array[' – valtakunnallinen verkosto',' – alueverkosto',' – alueverkosto',
                    ' – kehittäjäverkosto',' – vertaisverkosto',' – sparrausryhmä',' – toimituskunta',
                    ' – käyttäjäverkosto'])[1 + n % 8] as suffix
    ) as kind
    cross join lateral (
      select (array['työttömyysturva','palkkatuki','kotoutuminen','nuorten palvelut','yrityspalvelut',
                    'asiointipalvelut','työnhakukeskustelut','palvelutarvearvio','muutosturva',
                    'osatyökykyiset','rekrytointi','koulutuspalvelut','kielikoulutus',
                    'tietosuoja','rajapinnat','työkokeilu'])[1 + n % 16] as name,
             (array['tyottomyysturva','palkkatuki','kotoutuminen','nuorten-palvelut','yrityspalvelut',
                    'asiointipalvelut','tyonhakukeskustelut','palvelutarvearvio','muutosturva',
                    'osatyokykyiset','rekrytointi','koulutuspalvelut','kielikoulutus',
                    'tietosuoja','rajapinnat','tyokokeilu'])[1 + n % 16] as slug
    ) as topic
    cross join (
      select array_agg(id order by id) as ids from public.organisations where kind <> 'vendor'
    ) as organisation;
    `,
  );

  // Each person joins 10–30 networks, drawn with a skew towards low network numbers; each network
  // also gets one fixed coordinator so none is left without one.
  await step(
    "memberships (10–30 networks a person, skewed)",
    `
    select setseed(0.2027);
    create temporary table bench_membership on commit drop as
    select distinct on (network_no, user_no) network_no, user_no, random() as role_pick,
      random() as order_pick
    from (
      select person.n as user_no,
        1 + least(${networks} - 1, floor(power(random(), 1.6) * ${networks}))::int as network_no
      from generate_series(1, ${users}) as person (n)
      cross join lateral generate_series(1, 10 + (person.n * 7) % 21) as pick (k)
      union all
      select 1 + (network.n * 7919) % ${users}, network.n from generate_series(1, ${networks}) as network (n)
    ) as drawn;

    insert into public.network_members (network_id, user_id, role, joined_at)
    select ${networkId("network_no")}, ${userId("user_no")},
      case
        when row_number() over (partition by network_no order by user_no = 1 + (network_no * 7919) % ${users} desc, order_pick)
             <= 1 + network_no % 3 then 'coordinator'
        when role_pick < 0.1 then 'observer'
        else 'member'
      end::public.network_role,
      now() - (order_pick * 600) * interval '1 day'
    from bench_membership;
    `,
  );

  await db.exec(contentTables.map((table) => `alter table ${table} disable trigger user;`).join("\n"));
  try {
    await step(
      `${threads} threads and ${replies} replies`,
      `
      select setseed(0.2028);
      create temporary table bench_member on commit drop as
      select network_id, user_id,
        row_number() over (partition by network_id order by user_id) as rn,
        count(*) over (partition by network_id) as size
      from public.network_members where role <> 'observer';
      create index on bench_member (network_id, rn);

      create temporary table bench_thread on commit drop as
      select n as thread_no, ${networkId(`1 + least(${networks} - 1, floor(power(random(), 1.4) * ${networks}))::int`)} as network_id,
        random() as author_pick, now() - power(random(), 2) * interval '730 days' as created_at,
        random() < 0.25 as is_question
      from generate_series(1, ${threads}) as n;

      insert into public.discussion_threads (
        id, network_id, kind, title, body_html, body_text, author_id, created_at, last_activity_at
      )
      select ('b2000000-0000-4000-8000-' || lpad(thread.thread_no::text, 12, '0'))::uuid,
        thread.network_id,
        case when thread.is_question then 'question' else 'discussion' end::public.thread_kind,
        text.title || ' (' || thread.thread_no || ')',
        '<p>' || text.body || '</p><ul><li>Mitä teillä on sovittu?</li><li>Onko ohjetta jaettavaksi?</li></ul>',
        text.body || ' Mitä teillä on sovittu? Onko ohjetta jaettavaksi?',
        member.user_id, thread.created_at, thread.created_at
      from bench_thread as thread
      join lateral (
        select m.user_id from bench_member as m
        where m.network_id = thread.network_id
          and m.rn = 1 + floor(thread.author_pick * m.size)::int
      ) as member on true
      cross join lateral (
        select (array['Palkkatuen maksatus ja liitteet','Työnhakukeskustelujen aikataulu',
                      'Kotoutumisohjelman laatiminen','Työvoimapoliittisen lausunnon perustelut',
                      'Asiointipalvelun virheilmoitus','Palvelutarvearvion kirjaaminen',
                      'Nuorten kesätyöseteli','Yrityksen muutosturva ja irtisanomiset'])[1 + thread.thread_no % 8] as title,
               (array['Miten olette ratkaisseet tämän tilanteen työllisyysalueellanne?',
                      'Asiakas kysyi asiasta, eikä ohjeesta löytynyt suoraa vastausta.',
                      'Meillä käytäntö muuttui vuodenvaihteessa, ja haluaisin verrata kokemuksia.',
                      'KEHA-keskuksen ohje on tulossa, mutta tarvitsemme linjauksen jo nyt.'])[1 + thread.thread_no % 4] as body
      ) as text;

      insert into public.discussion_replies (
        id, thread_id, network_id, body_html, body_text, author_id, created_at
      )
      select ('b3000000-0000-4000-8000-' || lpad(reply.n::text, 12, '0'))::uuid,
        thread.id, thread.network_id,
        '<p>' || text.body || '</p>', text.body,
        member.user_id,
        thread.created_at + (now() - thread.created_at) * reply.time_pick
      from (
        select n, 1 + least(${threads} - 1, floor(power(random(), 1.5) * ${threads}))::int as thread_no,
          random() as author_pick, random() as time_pick
        from generate_series(1, ${replies}) as n
      ) as reply
      join public.discussion_threads as thread
        on thread.id = ('b2000000-0000-4000-8000-' || lpad(reply.thread_no::text, 12, '0'))::uuid
      join lateral (
        select m.user_id from bench_member as m
        where m.network_id = thread.network_id
          and m.rn = 1 + floor(reply.author_pick * m.size)::int
      ) as member on true
      cross join lateral (
        select (array['Meillä tämä on ratkaistu tiimin yhteisellä ohjeella, jaan sen kansioon.',
                      'Hyvä kysymys. Työttömyysturvalain mukaan ratkaisu tehdään aina tapauskohtaisesti.',
                      'Samaa pohditaan meilläkin; palataan asiaan seuraavassa verkostotapaamisessa.',
                      'Kiitos, tämä selkeytti. Vien tiedon tiimin viikkopalaveriin.',
                      'Asiasta on tulossa tarkennus työttömyysturvamanuaaliin joulukuussa.'])[1 + reply.n % 5] as body
      ) as text;

      update public.discussion_threads as thread
      set reply_count = counted.replies, last_activity_at = greatest(thread.created_at, counted.newest),
        answer_reply_id = case when thread.kind = 'question' then counted.first_reply end
      from (
        select thread_id, count(*)::int as replies, max(created_at) as newest,
          (array_agg(id order by created_at))[1] as first_reply
        from public.discussion_replies
        where id::text like 'b3000000-%'
        group by thread_id
      ) as counted
      where thread.id = counted.thread_id;

      insert into public.discussion_reactions (thread_id, reply_id, network_id, user_id, reaction, created_at)
      select reply.thread_id, reply.id, reply.network_id, member.user_id,
        (array['thumbs_up','heart','celebrate','insightful','agree'])[1 + reply.n % 5], reply.created_at
      from (
        select r.id, r.thread_id, r.network_id, r.created_at, row_number() over () as n, random() as pick
        from public.discussion_replies as r tablesample bernoulli (20) repeatable (7)
      ) as reply
      join lateral (
        select m.user_id from bench_member as m
        where m.network_id = reply.network_id and m.rn = 1 + floor(reply.pick * m.size)::int
      ) as member on true
      on conflict do nothing;
      `,
    );

    await step(
      "meetings, registrations and tasks",
      `
      select setseed(0.2029);
      create temporary table bench_member on commit drop as
      select network_id, user_id, role,
        row_number() over (partition by network_id order by user_id) as rn,
        count(*) over (partition by network_id) as size
      from public.network_members where role <> 'observer';
      create index on bench_member (network_id, rn);

      insert into public.meetings (
        id, network_id, title, starts_at, ends_at, location, video_url, capacity, registration_open,
        agenda_html, agenda_text, minutes_html, minutes_text, created_by, created_at
      )
      select ('b4000000-0000-4000-8000-' || lpad((network.no * 10 + k)::text, 12, '0'))::uuid,
        network.id,
        (array['Verkostotapaaminen','Ajankohtaisinfo','Työpaja','Sparrausklinikka'])[1 + k % 4] || ' ' || k,
        date_trunc('hour', now() + (k - 3) * interval '20 days' + interval '9 hours'),
        date_trunc('hour', now() + (k - 3) * interval '20 days' + interval '11 hours'),
        case when k % 2 = 0 then 'Työllisyysalueen toimitilat, neuvotteluhuone ' || k end,
        'https://teams.example/verkko/bench-' || network.no || '-' || k,
        case when k % 3 = 0 then 20 end, k >= 3,
        '<ul><li>Ajankohtaiset</li><li>Kokemusten vaihto</li></ul>', 'Ajankohtaiset; Kokemusten vaihto',
        case when k < 3 then '<p>Keskusteltiin ajankohtaisista asioista ja sovittiin jatkotoimista.</p>' else '' end,
        case when k < 3 then 'Keskusteltiin ajankohtaisista asioista ja sovittiin jatkotoimista.' else '' end,
        coordinator.user_id, now() - interval '60 days'
      from (
        select id, substring(id::text from 25)::int as no from public.networks where id::text like 'b1000000-%'
      ) as network
      cross join generate_series(1, 5) as k
      join lateral (
        select user_id from public.network_members
        where network_id = network.id and role = 'coordinator' order by user_id limit 1
      ) as coordinator on true;

      insert into public.meeting_registrations (meeting_id, user_id, network_id, status, created_at, updated_at)
      select distinct on (meeting.id, member.user_id) meeting.id, member.user_id, meeting.network_id,
        'registered'::public.registration_status, now() - interval '5 days', now() - interval '5 days'
      from public.meetings as meeting
      cross join generate_series(1, 12) as pick (k)
      join lateral (
        select m.user_id from bench_member as m
        where m.network_id = meeting.network_id
          and m.rn = 1 + floor(random() * m.size + pick.k * 0)::int
      ) as member on true
      where meeting.id::text like 'b4000000-%';

      update public.meetings as meeting
      set registered_count = counted.registered
      from (
        select meeting_id, count(*)::int as registered from public.meeting_registrations
        where meeting_id::text like 'b4000000-%' group by meeting_id
      ) as counted
      where meeting.id = counted.meeting_id;

      insert into public.tasks (
        id, network_id, title, description, owner_id, due_date, status, created_by, created_at,
        updated_at, completed_at
      )
      select ('b5000000-0000-4000-8000-' || lpad((network.no * 10 + k)::text, 12, '0'))::uuid,
        network.id,
        (array['Päivitä verkoston esittely','Kokoa kysymykset tapaamiseen','Laadi ohjeluonnos',
               'Kommentoi manuaalin lukua','Testaa uusi versio','Varaa tilat koulutukselle'])[1 + k % 6],
        '', member.user_id, current_date + (k * 9 - 40),
        (array['not_started','in_progress','done'])[1 + (network.no + k) % 3]::public.task_status,
        member.user_id, now() - interval '50 days', now() - interval '10 days',
        case when (network.no + k) % 3 = 2 then now() - interval '10 days' end
      from (
        select id, substring(id::text from 25)::int as no from public.networks where id::text like 'b1000000-%'
      ) as network
      cross join generate_series(1, 10) as k
      join lateral (
        select m.user_id from bench_member as m
        where m.network_id = network.id and m.rn = 1 + (k * 31) % m.size
      ) as member on true;
      `,
    );
  } finally {
    await db.exec(contentTables.map((table) => `alter table ${table} enable trigger user;`).join("\n"));
  }

  await step(
    "visits, last activity and member counts",
    `
    select setseed(0.2030);
    insert into public.network_visits (network_id, user_id, seen_at)
    select network_id, user_id, now() - random() * interval '30 days'
    from public.network_members tablesample bernoulli (40) repeatable (11)
    where user_id::text like 'b0000000-%';

    update public.networks as network
    set last_activity_at = greatest(network.created_at, activity.newest)
    from (
      select network_id, max(at) as newest from (
        select network_id, last_activity_at as at from public.discussion_threads
        union all select network_id, created_at from public.meetings
        union all select network_id, created_at from public.tasks
      ) as events group by network_id
    ) as activity
    where network.id = activity.network_id and network.id::text like 'b1000000-%';

    select private.recount_network_members(array(select id from public.networks));
    `,
  );

  const { rows: hasNotifications } = await db.query<{ exists: boolean }>(
    "select to_regclass('public.notifications') is not null as exists",
  );
  if (hasNotifications[0]?.exists) {
    await step(
      "notifications of later replies in a person's threads, the older ones read",
      `
      select setseed(0.2031);
      insert into public.notifications (recipient_id, kind, network_id, actor_id, link, data, created_at, read_at)
      select reply.author_id, 'reply', reply.network_id, other.author_id,
        '/networks/' || network.slug || '/discussions/' || reply.thread_id,
        jsonb_build_object('network_name_fi', network.name_fi,
          'network_name_sv', coalesce(network.name_sv, network.name_fi), 'network_slug', network.slug,
          'title', thread.title, 'actor_name', profile.display_name, 'excerpt', left(other.body_text, 200)),
        other.created_at,
        case when other.created_at < now() - interval '3 days' then other.created_at + interval '1 hour' end
      from public.discussion_replies as reply tablesample bernoulli (60) repeatable (13)
      join lateral (
        select r.author_id, r.body_text, r.created_at from public.discussion_replies as r
        where r.thread_id = reply.thread_id and r.created_at > reply.created_at
          and r.author_id <> reply.author_id
        order by r.created_at limit 1
      ) as other on true
      join public.discussion_threads as thread on thread.id = reply.thread_id
      join public.networks as network on network.id = reply.network_id
      join public.profiles as profile on profile.id = other.author_id
      where reply.id::text like 'b3000000-%';
      `,
    );
  }

  await step("analyze", "analyze;");
  return { users, networks, threads, replies };
}
