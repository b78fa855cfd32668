-- Demo data only (applied once, on the first start of an embedded database).
--
-- Demo users: every one signs in with the password  Verkko-demo-2025  (README lists them too)
--   aino.asiantuntija@tampere.example     expert at an employment area (Tampere), active member
--   kalle.koordinaattori@keha.example     network coordinator at KEHA-keskus, active member
--   liisa.lakimies@kuntaliitto.example    lawyer (legal sparring) at Kuntaliitto, active member
--   olli.organisaatio@tampere.example     organisation admin of Tampereen työllisyysalue
--   paula.paakayttaja@keha.example        platform admin (and a member of KEHA-keskus)
--   helmi.hakala@helsinki.example         expert at Helsingin työllisyysalue, active member
--   pekka.odottaja@tampere.example        signed up at Tampere, waiting for approval (pending)
--   sanna.suljettu@tampere.example        deactivated by Tampere
--   ville.toimittaja@ictpalvelu.example   vendor guest (Esimerkki ICT Oy)
-- Admin actions need two-step authentication: the admins enrol an authenticator at first use.
--
-- encrypted_password is a bcrypt hash (cost 10) of that password, as GoTrue stores it; the ids are
-- fixed so that later demo data can refer to these people and organisations.

-- Organisations and their e-mail domains (before the users: the sign-up trigger matches domains).
insert into public.organisations (id, name_fi, name_sv, kind, parent_id) values
  ('c0c0c0c0-0000-4000-8000-000000000001', 'Tampereen työllisyysalue', 'Tammerfors sysselsättningsområde', 'employment_area', null),
  ('c0c0c0c0-0000-4000-8000-000000000002', 'Helsingin työllisyysalue', 'Helsingfors sysselsättningsområde', 'employment_area', null),
  ('c0c0c0c0-0000-4000-8000-000000000003', 'Turun seudun työllisyysalue', 'Åboregionens sysselsättningsområde', 'employment_area', null),
  ('c0c0c0c0-0000-4000-8000-000000000004', 'Oulun työllisyysalue', 'Uleåborgs sysselsättningsområde', 'employment_area', null),
  ('c0c0c0c0-0000-4000-8000-000000000005', 'Jyväskylän seudun työllisyysalue', 'Jyväskyläregionens sysselsättningsområde', 'employment_area', null),
  ('c0c0c0c0-0000-4000-8000-000000000006', 'KEHA-keskus', 'KEHA-centret', 'state_agency', null),
  ('c0c0c0c0-0000-4000-8000-000000000007', 'Työ- ja elinkeinoministeriö', 'Arbets- och näringsministeriet', 'state_agency', null),
  ('c0c0c0c0-0000-4000-8000-000000000008', 'Kuntaliitto', 'Kommunförbundet', 'kuntaliitto', null),
  ('c0c0c0c0-0000-4000-8000-000000000009', 'Pirkanmaan hyvinvointialue', 'Birkalands välfärdsområde', 'wellbeing_county', null),
  ('c0c0c0c0-0000-4000-8000-000000000010', 'Ylöjärven kaupunki', 'Ylöjärvi stad', 'municipality', 'c0c0c0c0-0000-4000-8000-000000000001'),
  ('c0c0c0c0-0000-4000-8000-000000000011', 'Työpolku ry', 'Arbetsstigen rf', 'ngo', null),
  ('c0c0c0c0-0000-4000-8000-000000000012', 'Pirkanmaan ammattiopisto', 'Birkalands yrkesinstitut', 'education', null),
  ('c0c0c0c0-0000-4000-8000-000000000013', 'Esimerkki ICT Oy', null, 'vendor', null);

insert into public.organisation_domains (domain, organisation_id) values
  ('tampere.example', 'c0c0c0c0-0000-4000-8000-000000000001'),
  ('helsinki.example', 'c0c0c0c0-0000-4000-8000-000000000002'),
  ('turku.example', 'c0c0c0c0-0000-4000-8000-000000000003'),
  ('oulu.example', 'c0c0c0c0-0000-4000-8000-000000000004'),
  ('jyvaskyla.example', 'c0c0c0c0-0000-4000-8000-000000000005'),
  ('keha.example', 'c0c0c0c0-0000-4000-8000-000000000006'),
  ('tem.example', 'c0c0c0c0-0000-4000-8000-000000000007'),
  ('kuntaliitto.example', 'c0c0c0c0-0000-4000-8000-000000000008'),
  ('pirha.example', 'c0c0c0c0-0000-4000-8000-000000000009'),
  ('ylojarvi.example', 'c0c0c0c0-0000-4000-8000-000000000010'),
  ('tyopolku.example', 'c0c0c0c0-0000-4000-8000-000000000011'),
  ('ammattiopisto.example', 'c0c0c0c0-0000-4000-8000-000000000012'),
  ('ictpalvelu.example', 'c0c0c0c0-0000-4000-8000-000000000013');

insert into auth.users (
  instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
  raw_app_meta_data, raw_user_meta_data, created_at, updated_at
) values
  (
    '00000000-0000-0000-0000-000000000000', 'a1a1a1a1-0000-4000-8000-000000000001',
    'authenticated', 'authenticated', 'aino.asiantuntija@tampere.example',
    '$2b$10$a.3gg6bPnlT24uhLabIOnO511hR7TNIcZovxbiXJb44EDRL5UzLDu', now(),
    '{"provider":"email","providers":["email"]}', '{"full_name":"Aino Asiantuntija"}', now(), now()
  ),
  (
    '00000000-0000-0000-0000-000000000000', 'a1a1a1a1-0000-4000-8000-000000000002',
    'authenticated', 'authenticated', 'kalle.koordinaattori@keha.example',
    '$2b$10$a.3gg6bPnlT24uhLabIOnO511hR7TNIcZovxbiXJb44EDRL5UzLDu', now(),
    '{"provider":"email","providers":["email"]}', '{"full_name":"Kalle Koordinaattori"}', now(), now()
  ),
  (
    '00000000-0000-0000-0000-000000000000', 'a1a1a1a1-0000-4000-8000-000000000003',
    'authenticated', 'authenticated', 'liisa.lakimies@kuntaliitto.example',
    '$2b$10$a.3gg6bPnlT24uhLabIOnO511hR7TNIcZovxbiXJb44EDRL5UzLDu', now(),
    '{"provider":"email","providers":["email"]}', '{"full_name":"Liisa Lakimies"}', now(), now()
  ),
  (
    '00000000-0000-0000-0000-000000000000', 'a1a1a1a1-0000-4000-8000-000000000004',
    'authenticated', 'authenticated', 'olli.organisaatio@tampere.example',
    '$2b$10$nYpL/mKLvmiLQbdWJoaTYOEXdEGYA86AxVGd18RlD9fIv8f6WCwL.', now(),
    '{"provider":"email","providers":["email"]}', '{"full_name":"Olli Organisaatio"}', now(), now()
  ),
  (
    '00000000-0000-0000-0000-000000000000', 'a1a1a1a1-0000-4000-8000-000000000005',
    'authenticated', 'authenticated', 'paula.paakayttaja@keha.example',
    '$2b$10$vO.f6x2/DYik4bUjMeIS3O64xuBgrfNMjpJPqUhK4SvjUJ5ZrvrdS', now(),
    '{"provider":"email","providers":["email"]}', '{"full_name":"Paula Pääkäyttäjä"}', now(), now()
  ),
  (
    '00000000-0000-0000-0000-000000000000', 'a1a1a1a1-0000-4000-8000-000000000006',
    'authenticated', 'authenticated', 'pekka.odottaja@tampere.example',
    '$2b$10$O9AA4Xh11/PtG1mVaH8JU.jVrRsdhOJdNiuoy1T0yBdOq297UG8Bu', now(),
    '{"provider":"email","providers":["email"]}', '{"full_name":"Pekka Odottaja"}', now(), now()
  ),
  (
    '00000000-0000-0000-0000-000000000000', 'a1a1a1a1-0000-4000-8000-000000000007',
    'authenticated', 'authenticated', 'sanna.suljettu@tampere.example',
    '$2b$10$ct84c1ZHFvsA687mquEJV.0cAj4kGGAsiWBSgyB/P40p8wPdczOfW', now(),
    '{"provider":"email","providers":["email"]}', '{"full_name":"Sanna Suljettu"}', now(), now()
  ),
  (
    '00000000-0000-0000-0000-000000000000', 'a1a1a1a1-0000-4000-8000-000000000008',
    'authenticated', 'authenticated', 'ville.toimittaja@ictpalvelu.example',
    '$2b$10$AlgLU7QJRss7EEkHqnnmIut6yQccvh8aU25vKKIiDQ8beK1yY6gu2', now(),
    '{"provider":"email","providers":["email"]}', '{"full_name":"Ville Toimittaja"}', now(), now()
  ),
  (
    '00000000-0000-0000-0000-000000000000', 'a1a1a1a1-0000-4000-8000-000000000009',
    'authenticated', 'authenticated', 'helmi.hakala@helsinki.example',
    '$2b$10$.hA38xImtLzjQXsYMR.ezOjGuz8fzJjbMDgohrGHKm0b9guHAAv36', now(),
    '{"provider":"email","providers":["email"]}', '{"full_name":"Helmi Hakala"}', now(), now()
  );

insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
select
  users.id::text,
  users.id,
  jsonb_build_object('sub', users.id::text, 'email', users.email, 'email_verified', true),
  'email',
  now(),
  now()
from auth.users as users
where users.id::text like 'a1a1a1a1-0000-4000-8000-%';

-- The sign-up trigger gave every demo user a profile and a pending membership in the organisation
-- of their e-mail domain; decide them as the organisations' admins would have.
update public.organisation_members
set status = 'active', decided_at = now(), decided_by = 'a1a1a1a1-0000-4000-8000-000000000005'
where user_id::text like 'a1a1a1a1-0000-4000-8000-%'
  and user_id not in ('a1a1a1a1-0000-4000-8000-000000000006', 'a1a1a1a1-0000-4000-8000-000000000007');

update public.organisation_members
set role = 'admin'
where user_id = 'a1a1a1a1-0000-4000-8000-000000000004';

update public.organisation_members
set status = 'deactivated', decided_at = now(), decided_by = 'a1a1a1a1-0000-4000-8000-000000000004'
where user_id = 'a1a1a1a1-0000-4000-8000-000000000007';

insert into public.platform_admins (user_id) values ('a1a1a1a1-0000-4000-8000-000000000005');

update public.profiles as profile
set title = demo.title, languages = demo.languages, expertise = demo.expertise
from (values
  ('a1a1a1a1-0000-4000-8000-000000000001'::uuid, 'Työvoimaneuvoja', '{fi,en}'::text[], '{työttömyysturva,palvelutarvearvio}'::text[]),
  ('a1a1a1a1-0000-4000-8000-000000000002'::uuid, 'Verkostokoordinaattori', '{fi,sv}', '{verkostot,koulutukset}'),
  ('a1a1a1a1-0000-4000-8000-000000000003'::uuid, 'Lakimies', '{fi,sv,en}', '{380/2023,työttömyysturvalaki}'),
  ('a1a1a1a1-0000-4000-8000-000000000004'::uuid, 'Palvelupäällikkö', '{fi}', '{käyttöoikeudet}'),
  ('a1a1a1a1-0000-4000-8000-000000000005'::uuid, 'Pääkäyttäjä', '{fi,sv,en}', '{alusta}'),
  ('a1a1a1a1-0000-4000-8000-000000000008'::uuid, 'Järjestelmäasiantuntija', '{fi,en}', '{asiakastietojärjestelmä}'),
  ('a1a1a1a1-0000-4000-8000-000000000009'::uuid, 'Työvoima-asiantuntija', '{fi,sv}', '{kotoutuminen,työnhaku}')
) as demo (id, title, languages, expertise)
where profile.id = demo.id;

-- A little history for the admin console's audit log.
insert into public.audit_log (actor_id, action, target_type, target_id, organisation_id, details) values
  ('a1a1a1a1-0000-4000-8000-000000000004', 'membership.approved', 'user', 'a1a1a1a1-0000-4000-8000-000000000001',
   'c0c0c0c0-0000-4000-8000-000000000001', '{"from":"pending","to":"active"}'),
  ('a1a1a1a1-0000-4000-8000-000000000004', 'membership.deactivated', 'user', 'a1a1a1a1-0000-4000-8000-000000000007',
   'c0c0c0c0-0000-4000-8000-000000000001', '{"from":"active","to":"deactivated"}');
