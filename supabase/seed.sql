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

-- Network workspaces ---------------------------------------------------------------------------
--
-- Fifteen networks, two or more of each kind, with members, discussions, meetings and tasks.
-- Ids are fixed (networks e0e0e0e0-…, threads e1e1e1e1-…, replies e2e2e2e2-…, meetings
-- e3e3e3e3-…, tasks e4e4e4e4-…) so tests and later demo data can refer to them. Content is
-- inserted as the migration owner; the tables' triggers run as they would for a person (counts,
-- mention filtering, notifications), then the timestamps are moved into a believable past and the
-- cached counts are recomputed at the end.
--
-- Review dates: yrityspalvelut-verkosto is overdue, lansi-suomen-palkkatukiverkosto falls due
-- within 30 days; kuntakokeilujen-perintoverkosto is archived.

insert into public.networks (
  id, slug, kind, name_fi, name_sv, purpose_fi, purpose_sv, owner_organisation_id, visibility,
  join_policy, allow_guests, topics, review_due, created_by, created_at
) values
  (
    'e0e0e0e0-0000-4000-8000-000000000001', 'tyottomyysturvan-asiantuntijaverkosto', 'national',
    'Työttömyysturvan valtakunnallinen asiantuntijaverkosto',
    'Nationellt expertnätverk för utkomstskydd för arbetslösa',
    'Työllisyysalueiden työttömyysturva-asiantuntijat jakavat tulkintoja, työvoimapoliittisia lausuntoja koskevia käytäntöjä ja koulutusmateriaalia. KEHA-keskus kertoo verkostossa ajankohtaisista lakimuutoksista ja kokoaa kysymykset työttömyysturvamanuaalin päivityksiin.',
    'Experter på utkomstskydd vid sysselsättningsområdena delar tolkningar, praxis för arbetskraftspolitiska utlåtanden och utbildningsmaterial. KEHA-centret informerar om aktuella lagändringar och samlar frågor till uppdateringarna av handboken om utkomstskydd.',
    'c0c0c0c0-0000-4000-8000-000000000006', 'signed_in', 'open', false,
    '{työttömyysturva,työvoimapoliittinen lausunto,1290/2002}', current_date + 210,
    'a1a1a1a1-0000-4000-8000-000000000002', now() - interval '320 days'
  ),
  (
    'e0e0e0e0-0000-4000-8000-000000000002', 'kotoutumisen-verkosto', 'national',
    'Kotoutumisen valtakunnallinen verkosto',
    'Nationellt nätverk för integration',
    'Verkosto tukee työllisyysalueita kotoutumislain (681/2023) toimeenpanossa: kotoutumisohjelman laatiminen, osaamisen tunnistaminen, kieliopintojen ohjaus ja yhteistyö hyvinvointialueiden kanssa.',
    'Nätverket stöder sysselsättningsområdena i verkställigheten av integrationslagen (681/2023): integrationsplaner, identifiering av kompetens, handledning till språkstudier och samarbete med välfärdsområdena.',
    'c0c0c0c0-0000-4000-8000-000000000006', 'signed_in', 'request', false,
    '{kotoutuminen,681/2023,kielikoulutus}', current_date + 150,
    'a1a1a1a1-0000-4000-8000-000000000002', now() - interval '300 days'
  ),
  (
    'e0e0e0e0-0000-4000-8000-000000000003', 'yrityspalvelut-verkosto', 'national',
    'Työllisyysalueiden yrityspalveluverkosto',
    null,
    'Yrityspalveluista vastaavat asiantuntijat kehittävät yhdessä rekrytointipalveluja, työnantajayhteistyötä ja muutosturvaa. Verkostossa valmistellaan yhteisiä palvelukuvauksia ja seurataan TEM:n ohjausta.',
    null,
    'c0c0c0c0-0000-4000-8000-000000000007', 'signed_in', 'request', false,
    '{yrityspalvelut,rekrytointi,muutosturva}', current_date - 12,
    'a1a1a1a1-0000-4000-8000-000000000002', now() - interval '400 days'
  ),
  (
    'e0e0e0e0-0000-4000-8000-000000000004', 'pirkanmaan-tyollisyysverkosto', 'regional',
    'Pirkanmaan työllisyyspalvelujen alueverkosto',
    'Birkalands regionala nätverk för sysselsättningstjänster',
    'Tampereen työllisyysalueen ja sen kumppanien työskentelytila: palvelutarvearvioiden yhtenäistäminen, yhteiset rekrytointitapahtumat ja asiakasohjaus Pirkanmaan hyvinvointialueen palveluihin.',
    null,
    'c0c0c0c0-0000-4000-8000-000000000001', 'members', 'request', false,
    '{palvelutarvearvio,asiakasohjaus,Pirkanmaa}', current_date + 260,
    'a1a1a1a1-0000-4000-8000-000000000004', now() - interval '280 days'
  ),
  (
    'e0e0e0e0-0000-4000-8000-000000000005', 'paakaupunkiseudun-nuorten-palvelut', 'regional',
    'Pääkaupunkiseudun nuorten palvelujen verkosto',
    'Huvudstadsregionens nätverk för ungdomstjänster',
    'Nuorten työllisyyspalvelujen, Ohjaamojen ja oppilaitosten yhteistyöverkosto. Jaamme keinoja alle 30-vuotiaiden työnhakijoiden tavoittamiseen ja nivelvaiheen ohjaukseen.',
    'Samarbetsnätverk för sysselsättningstjänster för unga, Navigatorerna och läroanstalterna. Vi delar metoder för att nå arbetssökande under 30 år och för handledning i övergångsskeden.',
    'c0c0c0c0-0000-4000-8000-000000000002', 'signed_in', 'open', false,
    '{nuorten palvelut,Ohjaamo,nivelvaihe}', current_date + 300,
    'a1a1a1a1-0000-4000-8000-000000000009', now() - interval '200 days'
  ),
  (
    'e0e0e0e0-0000-4000-8000-000000000006', 'lansi-suomen-palkkatukiverkosto', 'regional',
    'Länsi-Suomen palkkatukiverkosto',
    'Västra Finlands nätverk för lönesubvention',
    'Turun, Tampereen ja lähialueiden palkkatukiasiantuntijat yhtenäistävät palkkatuen myöntämiskäytäntöjä, jakavat päätöspohjia ja seuraavat maksatuksen ruuhkia.',
    null,
    'c0c0c0c0-0000-4000-8000-000000000003', 'signed_in', 'request', false,
    '{palkkatuki,työnantajat,maksatus}', current_date + 18,
    'a1a1a1a1-0000-4000-8000-000000000002', now() - interval '345 days'
  ),
  (
    'e0e0e0e0-0000-4000-8000-000000000007', 'ohjaamojen-kehittajat', 'independent',
    'Ohjaamojen kehittäjäverkosto',
    'Utvecklarnätverk för Navigatorerna',
    'Ohjaamoissa työskentelevien epävirallinen kehittäjäverkosto. Vaihdamme kokemuksia matalan kynnyksen palveluista, jalkautuvasta työstä ja sosiaalisen median käytöstä nuorten tavoittamisessa.',
    null,
    'c0c0c0c0-0000-4000-8000-000000000002', 'signed_in', 'request', false,
    '{Ohjaamo,nuorten palvelut,jalkautuva työ}', current_date + 120,
    'a1a1a1a1-0000-4000-8000-000000000009', now() - interval '150 days'
  ),
  (
    'e0e0e0e0-0000-4000-8000-000000000008', 'tyonhakuvalmentajien-vertaisverkosto', 'independent',
    'Työnhakuvalmentajien vertaisverkosto',
    null,
    'Vertaistukea työnhakuvalmentajille ja työvoimaneuvojille: hyviä käytäntöjä työnhakukeskusteluihin, ryhmävalmennusten materiaaleja ja vinkkejä Työmarkkinatorin käyttöön.',
    null,
    'c0c0c0c0-0000-4000-8000-000000000001', 'signed_in', 'open', false,
    '{työnhakukeskustelu,valmennus,vertaistuki}', current_date + 330,
    'a1a1a1a1-0000-4000-8000-000000000001', now() - interval '90 days'
  ),
  (
    'e0e0e0e0-0000-4000-8000-000000000009', 'kuntakokeilujen-perintoverkosto', 'independent',
    'Työllisyyden kuntakokeilujen perintöverkosto',
    null,
    'Työllisyyden kuntakokeiluissa (2021–2024) mukana olleet kokosivat kokemuksensa työllisyysalueiden käynnistämisen tueksi. Verkosto on päättänyt työnsä ja arkistoitu; aineistot ovat luettavissa.',
    null,
    'c0c0c0c0-0000-4000-8000-000000000006', 'signed_in', 'invitation', false,
    '{kuntakokeilu,TE24}', current_date + 40,
    'a1a1a1a1-0000-4000-8000-000000000002', now() - interval '700 days'
  ),
  (
    'e0e0e0e0-0000-4000-8000-000000000010', 'juridinen-sparrausverkosto', 'legal_sparring',
    'Juridinen sparrausverkosto',
    'Juridiskt sparringnätverk',
    'Työllisyysalueiden asiantuntijat ja juristit pohtivat yhdessä lain 380/2023 ja työttömyysturvalain soveltamista. Kysymykset merkitään säädöksellä ja pykälällä; hyväksytyistä vastauksista kootaan tulkintasuosituksia.',
    'Experter och jurister vid sysselsättningsområdena diskuterar tillämpningen av lagen 380/2023 och lagen om utkomstskydd för arbetslösa. Frågorna märks med författning och paragraf; av godkända svar sammanställs tolkningsrekommendationer.',
    'c0c0c0c0-0000-4000-8000-000000000008', 'signed_in', 'request', false,
    '{380/2023,381/2023,1290/2002,hallintolaki}', current_date + 190,
    'a1a1a1a1-0000-4000-8000-000000000003', now() - interval '310 days'
  ),
  (
    'e0e0e0e0-0000-4000-8000-000000000011', 'tyottomyysturvan-tulkintasparraus', 'legal_sparring',
    'Työttömyysturvan tulkintakysymysten sparraus',
    null,
    'Suljettu sparrausryhmä vaikeille yksittäistapauksille, joissa tarvitaan juristin näkemystä ennen työvoimapoliittisen lausunnon antamista. Tapaukset käsitellään ilman tunnistetietoja.',
    null,
    'c0c0c0c0-0000-4000-8000-000000000008', 'members', 'invitation', false,
    '{työttömyysturva,2 a luku,lausunnot}', current_date + 240,
    'a1a1a1a1-0000-4000-8000-000000000003', now() - interval '180 days'
  ),
  (
    'e0e0e0e0-0000-4000-8000-000000000012', 'tyottomyysturvamanuaalin-toimituskunta', 'editorial_board',
    'Työttömyysturvamanuaalin toimituskunta',
    'Redaktionsrådet för handboken om utkomstskydd',
    'Toimituskunta käy läpi työttömyysturvamanuaalin muutosehdotukset, hyväksyy päivitetyt luvut ennen julkaisua ja pitää huolen lukujen vuosittaisista tarkistuspäivistä.',
    'Redaktionsrådet går igenom ändringsförslagen till handboken om utkomstskydd, godkänner uppdaterade kapitel före publicering och ser till att kapitlen granskas årligen.',
    'c0c0c0c0-0000-4000-8000-000000000006', 'members', 'invitation', false,
    '{työttömyysturvamanuaali,julkaisu,tarkistus}', current_date + 100,
    'a1a1a1a1-0000-4000-8000-000000000002', now() - interval '260 days'
  ),
  (
    'e0e0e0e0-0000-4000-8000-000000000013', 'asiointipalvelun-ohjeiden-toimituskunta', 'editorial_board',
    'Asiointipalvelujen ohjeiden toimituskunta',
    null,
    'Toimituskunta hyväksyy työnhakijoille ja työnantajille tarkoitetut asiointipalvelujen ohjeet ja näyttökuvat selkokielisinä suomeksi ja ruotsiksi.',
    null,
    'c0c0c0c0-0000-4000-8000-000000000006', 'signed_in', 'invitation', false,
    '{asiointipalvelut,selkokieli,ohjeet}', current_date + 170,
    'a1a1a1a1-0000-4000-8000-000000000005', now() - interval '140 days'
  ),
  (
    'e0e0e0e0-0000-4000-8000-000000000014', 'te-digi-kayttajaverkosto', 'ict',
    'TE-digin käyttäjäverkosto',
    'Användarnätverk för TE-digi',
    'Asiakastietojärjestelmän ja asiointipalvelujen pääkäyttäjät raportoivat virheistä, testaavat tulevia versioita ja sopivat käyttöönottojen aikatauluista. Järjestelmätoimittajan asiantuntijat osallistuvat vieraina.',
    'Huvudanvändare av kunddatasystemet och e-tjänsterna rapporterar fel, testar kommande versioner och kommer överens om tidtabeller för driftsättningar. Systemleverantörens experter deltar som gäster.',
    'c0c0c0c0-0000-4000-8000-000000000006', 'signed_in', 'request', true,
    '{TE-digi,asiakastietojärjestelmä,asiointipalvelut,käyttöönotto}', current_date + 220,
    'a1a1a1a1-0000-4000-8000-000000000002', now() - interval '330 days'
  ),
  (
    'e0e0e0e0-0000-4000-8000-000000000015', 'tyollisyysalueiden-integraatiot', 'ict',
    'Työllisyysalueiden ICT-integraatioverkosto',
    null,
    'Kuntien ja työllisyysalueiden tietohallinnon asiantuntijat sopivat rajapinnoista, käyttövaltuuksien hallinnasta ja tietosuojasta kansallisten järjestelmien ja kuntien omien järjestelmien välillä.',
    null,
    'c0c0c0c0-0000-4000-8000-000000000002', 'members', 'invitation', false,
    '{rajapinnat,tietosuoja,käyttövaltuudet}', current_date + 280,
    'a1a1a1a1-0000-4000-8000-000000000009', now() - interval '120 days'
  );

update public.networks
set archived_at = now() - interval '35 days', archived_by = 'a1a1a1a1-0000-4000-8000-000000000002'
where id = 'e0e0e0e0-0000-4000-8000-000000000009';

-- Members: c coordinator, m member, o observer. Sanna (deactivated by Tampere) keeps her rows but
-- counts nowhere; Ville is a vendor guest in the one ICT network that allows guests.
insert into public.network_members (network_id, user_id, role, joined_at, added_by)
select ('e0e0e0e0-0000-4000-8000-0000000000' || lpad(m.network::text, 2, '0'))::uuid,
       ('a1a1a1a1-0000-4000-8000-00000000000' || m.person)::uuid,
       m.role::public.network_role,
       now() - m.joined,
       null
from (values
  (1, 2, 'coordinator', interval '320 days'), (1, 1, 'member', interval '300 days'),
  (1, 9, 'member', interval '250 days'), (1, 4, 'member', interval '120 days'),
  (1, 3, 'observer', interval '200 days'), (1, 7, 'member', interval '260 days'),
  (2, 2, 'coordinator', interval '300 days'), (2, 9, 'coordinator', interval '290 days'),
  (2, 1, 'member', interval '100 days'),
  (3, 2, 'coordinator', interval '400 days'), (3, 4, 'member', interval '380 days'),
  (3, 9, 'observer', interval '60 days'),
  (4, 4, 'coordinator', interval '280 days'), (4, 1, 'member', interval '275 days'),
  (4, 2, 'observer', interval '150 days'), (4, 7, 'member', interval '270 days'),
  (5, 9, 'coordinator', interval '200 days'), (5, 1, 'member', interval '45 days'),
  (6, 2, 'coordinator', interval '345 days'), (6, 1, 'member', interval '200 days'),
  (6, 9, 'member', interval '30 days'),
  (7, 9, 'coordinator', interval '150 days'), (7, 2, 'member', interval '140 days'),
  (8, 1, 'coordinator', interval '90 days'), (8, 9, 'member', interval '80 days'),
  (9, 2, 'coordinator', interval '700 days'), (9, 4, 'member', interval '650 days'),
  (10, 3, 'coordinator', interval '310 days'), (10, 2, 'coordinator', interval '305 days'),
  (10, 1, 'member', interval '250 days'), (10, 9, 'member', interval '220 days'),
  (10, 4, 'observer', interval '90 days'),
  (11, 3, 'coordinator', interval '180 days'), (11, 1, 'member', interval '170 days'),
  (12, 2, 'coordinator', interval '260 days'), (12, 3, 'member', interval '255 days'),
  (12, 1, 'observer', interval '100 days'),
  (13, 5, 'coordinator', interval '140 days'), (13, 2, 'member', interval '135 days'),
  (13, 9, 'member', interval '130 days'),
  (14, 2, 'coordinator', interval '330 days'), (14, 1, 'member', interval '320 days'),
  (14, 8, 'member', interval '210 days'), (14, 4, 'observer', interval '100 days'),
  (15, 9, 'coordinator', interval '120 days'), (15, 5, 'member', interval '110 days')
) as m (network, person, role, joined);

-- Join requests and invitations: some waiting for a coordinator or an invitee, some decided.
insert into public.network_join_requests (network_id, user_id, message, status, created_at, decided_by, decided_at) values
  ('e0e0e0e0-0000-4000-8000-000000000007', 'a1a1a1a1-0000-4000-8000-000000000001',
   'Aloitamme Tampereella Ohjaamon jalkautuvan työn kokeilun ja haluaisin oppia muiden kokemuksista.',
   'pending', now() - interval '2 days', null, null),
  ('e0e0e0e0-0000-4000-8000-000000000003', 'a1a1a1a1-0000-4000-8000-000000000001',
   'Vastaan syksystä alkaen myös työnantajayhteistyöstä.', 'pending', now() - interval '5 days', null, null),
  ('e0e0e0e0-0000-4000-8000-000000000006', 'a1a1a1a1-0000-4000-8000-000000000009',
   'Helsingissä pohditaan samoja maksatuksen ruuhkia.', 'approved', now() - interval '31 days',
   'a1a1a1a1-0000-4000-8000-000000000002', now() - interval '30 days'),
  ('e0e0e0e0-0000-4000-8000-000000000010', 'a1a1a1a1-0000-4000-8000-000000000008',
   null, 'rejected', now() - interval '60 days', 'a1a1a1a1-0000-4000-8000-000000000003', now() - interval '59 days');

insert into public.network_invitations (network_id, email, invited_user_id, role, message, status, invited_by, created_at, responded_at) values
  ('e0e0e0e0-0000-4000-8000-000000000011', null, 'a1a1a1a1-0000-4000-8000-000000000009', 'member',
   'Helsingin kokemukset 2 a luvun tapauksista olisivat tervetulleita sparraukseen.', 'pending',
   'a1a1a1a1-0000-4000-8000-000000000003', now() - interval '1 day', null),
  ('e0e0e0e0-0000-4000-8000-000000000012', 'maija.meikalainen@oulu.example', null, 'member',
   'Tervetuloa toimituskuntaan Oulun työllisyysalueen edustajaksi.', 'pending',
   'a1a1a1a1-0000-4000-8000-000000000002', now() - interval '3 days', null),
  ('e0e0e0e0-0000-4000-8000-000000000014', null, 'a1a1a1a1-0000-4000-8000-000000000008', 'member',
   null, 'accepted', 'a1a1a1a1-0000-4000-8000-000000000002', now() - interval '212 days', now() - interval '210 days'),
  ('e0e0e0e0-0000-4000-8000-000000000015', null, 'a1a1a1a1-0000-4000-8000-000000000001', 'member',
   null, 'declined', 'a1a1a1a1-0000-4000-8000-000000000009', now() - interval '40 days', now() - interval '38 days');

-- How much of a network reaches a person: Helmi follows everything in the legal-sparring network,
-- Olli has muted the national unemployment-security network's chatter.
insert into public.network_notification_settings (user_id, network_id, level) values
  ('a1a1a1a1-0000-4000-8000-000000000009', 'e0e0e0e0-0000-4000-8000-000000000010', 'all'),
  ('a1a1a1a1-0000-4000-8000-000000000004', 'e0e0e0e0-0000-4000-8000-000000000001', 'mute');

-- Discussions ---------------------------------------------------------------------------------

insert into public.discussion_threads (id, network_id, kind, title, body_html, body_text, author_id) values
  (
    'e1e1e1e1-0000-4000-8000-000000000001', 'e0e0e0e0-0000-4000-8000-000000000001', 'question',
    'Työvoimapoliittinen lausunto, kun työnhakija kieltäytyy palkkatukityöstä',
    '<p>Asiakas kieltäytyi palkkatuetusta työstä, koska työmatka olisi ollut yli kaksi tuntia suuntaansa. Onko teillä linjattu, milloin työmatka on työttömyysturvalain mukaan <strong>pätevä syy</strong> kieltäytyä?</p><p>Meillä on tällä hetkellä kaksi erilaista käytäntöä saman työllisyysalueen sisällä.</p>',
    'Asiakas kieltäytyi palkkatuetusta työstä, koska työmatka olisi ollut yli kaksi tuntia suuntaansa. Onko teillä linjattu, milloin työmatka on työttömyysturvalain mukaan pätevä syy kieltäytyä? Meillä on tällä hetkellä kaksi erilaista käytäntöä saman työllisyysalueen sisällä.',
    'a1a1a1a1-0000-4000-8000-000000000001'
  ),
  (
    'e1e1e1e1-0000-4000-8000-000000000002', 'e0e0e0e0-0000-4000-8000-000000000001', 'discussion',
    'Työttömyysturvamanuaalin joulukuun päivitys',
    '<p>Manuaalin lukuihin 3 ja 7 on tulossa päivitys joulukuussa. Muutokset koskevat erityisesti:</p><ul><li>omaehtoisen opiskelun tukemista</li><li>täydentävien työnhakukeskustelujen laiminlyöntiä</li><li>lausuntojen perusteluja</li></ul><p>Kommentit luonnokseen kuun loppuun mennessä.</p>',
    'Manuaalin lukuihin 3 ja 7 on tulossa päivitys joulukuussa. Muutokset koskevat erityisesti: omaehtoisen opiskelun tukemista; täydentävien työnhakukeskustelujen laiminlyöntiä; lausuntojen perusteluja. Kommentit luonnokseen kuun loppuun mennessä.',
    'a1a1a1a1-0000-4000-8000-000000000002'
  ),
  (
    'e1e1e1e1-0000-4000-8000-000000000003', 'e0e0e0e0-0000-4000-8000-000000000002', 'discussion',
    'Kotoutumisohjelmat ja hyvinvointialueen palvelut',
    '<p>Miten olette sopineet hyvinvointialueen kanssa, kuka laatii kotoutumisohjelman, kun asiakas ei ole työnhakija? Meillä sopimus on vielä luonnosvaiheessa.</p>',
    'Miten olette sopineet hyvinvointialueen kanssa, kuka laatii kotoutumisohjelman, kun asiakas ei ole työnhakija? Meillä sopimus on vielä luonnosvaiheessa.',
    'a1a1a1a1-0000-4000-8000-000000000009'
  ),
  (
    'e1e1e1e1-0000-4000-8000-000000000004', 'e0e0e0e0-0000-4000-8000-000000000004', 'discussion',
    'Palvelutarvearvioiden yhtenäistäminen Pirkanmaalla',
    '<p>Kokosin kuntien palvelutarvearvioiden lomakkeet samaan taulukkoon. Eroja on eniten siinä, miten <strong>osatyökykyisyys</strong> kirjataan. Ehdotan, että käymme taulukon läpi seuraavassa tapaamisessa.</p>',
    'Kokosin kuntien palvelutarvearvioiden lomakkeet samaan taulukkoon. Eroja on eniten siinä, miten osatyökykyisyys kirjataan. Ehdotan, että käymme taulukon läpi seuraavassa tapaamisessa.',
    'a1a1a1a1-0000-4000-8000-000000000004'
  ),
  (
    'e1e1e1e1-0000-4000-8000-000000000005', 'e0e0e0e0-0000-4000-8000-000000000005', 'discussion',
    'Kesätyöseteli 2026 – kokemuksia viime kesästä',
    '<p>Kesätyösetelit jaettiin viime kesänä loppuun kolmessa viikossa. Miten olette varautuneet ensi kesään, ja onko setelin arvoa nostettu?</p>',
    'Kesätyösetelit jaettiin viime kesänä loppuun kolmessa viikossa. Miten olette varautuneet ensi kesään, ja onko setelin arvoa nostettu?',
    'a1a1a1a1-0000-4000-8000-000000000009'
  ),
  (
    'e1e1e1e1-0000-4000-8000-000000000006', 'e0e0e0e0-0000-4000-8000-000000000006', 'question',
    'Palkkatuen maksatushakemusten käsittelyajat',
    '<p>Maksatushakemuksia on jonossa yli kuuden viikon edestä. Onko joku ottanut käyttöön <strong>erävalvonnan</strong> tai muun kevennetyn tarkastuksen pienille hakemuksille?</p>',
    'Maksatushakemuksia on jonossa yli kuuden viikon edestä. Onko joku ottanut käyttöön erävalvonnan tai muun kevennetyn tarkastuksen pienille hakemuksille?',
    'a1a1a1a1-0000-4000-8000-000000000001'
  ),
  (
    'e1e1e1e1-0000-4000-8000-000000000007', 'e0e0e0e0-0000-4000-8000-000000000008', 'discussion',
    'Ryhmävalmennuksen materiaalit: CV ja Työmarkkinatorin profiili',
    '<p>Jaoin kansioon uudet diat CV:n ja Työmarkkinatorin profiilin päivittämisestä. Diat on tehty selkokielellä, ja niissä on tehtäviä pareittain tehtäväksi.</p>',
    'Jaoin kansioon uudet diat CV:n ja Työmarkkinatorin profiilin päivittämisestä. Diat on tehty selkokielellä, ja niissä on tehtäviä pareittain tehtäväksi.',
    'a1a1a1a1-0000-4000-8000-000000000001'
  ),
  (
    'e1e1e1e1-0000-4000-8000-000000000008', 'e0e0e0e0-0000-4000-8000-000000000010', 'question',
    '380/2023: voiko palvelutarvearvion tehdä ilman henkilökohtaista tapaamista?',
    '<p>Laki työvoimapalvelujen järjestämisestä (380/2023) edellyttää alkuhaastattelua ja palvelutarvearviota. Riittääkö puhelinhaastattelu, jos asiakas itse toivoo sitä, vai pitääkö tapaamisen olla videon välityksellä tai kasvokkain?</p>',
    'Laki työvoimapalvelujen järjestämisestä (380/2023) edellyttää alkuhaastattelua ja palvelutarvearviota. Riittääkö puhelinhaastattelu, jos asiakas itse toivoo sitä, vai pitääkö tapaamisen olla videon välityksellä tai kasvokkain?',
    'a1a1a1a1-0000-4000-8000-000000000009'
  ),
  (
    'e1e1e1e1-0000-4000-8000-000000000009', 'e0e0e0e0-0000-4000-8000-000000000010', 'question',
    'Työttömyysturvalain 2 a luku: toistuva laiminlyönti ja työssäolovelvoite',
    '<p>Asiakas on laiminlyönyt täydentävän työnhakukeskustelun kolmesti 12 kuukauden aikana. Alkaako työssäolovelvoite kolmannesta laiminlyönnistä, vaikka ensimmäisestä ei annettu lausuntoa määräajassa?</p>',
    'Asiakas on laiminlyönyt täydentävän työnhakukeskustelun kolmesti 12 kuukauden aikana. Alkaako työssäolovelvoite kolmannesta laiminlyönnistä, vaikka ensimmäisestä ei annettu lausuntoa määräajassa?',
    'a1a1a1a1-0000-4000-8000-000000000001'
  ),
  (
    'e1e1e1e1-0000-4000-8000-000000000010', 'e0e0e0e0-0000-4000-8000-000000000012', 'discussion',
    'Luku 5 (työssäoloehto) valmis hyväksyttäväksi',
    '<p>Luvun 5 uusi versio on valmis. Pyydän toimituskunnan hyväksynnän perjantaihin mennessä, jotta luku ehtii joulukuun julkaisuun.</p>',
    'Luvun 5 uusi versio on valmis. Pyydän toimituskunnan hyväksynnän perjantaihin mennessä, jotta luku ehtii joulukuun julkaisuun.',
    'a1a1a1a1-0000-4000-8000-000000000002'
  ),
  (
    'e1e1e1e1-0000-4000-8000-000000000011', 'e0e0e0e0-0000-4000-8000-000000000014', 'question',
    'Asiointipalvelun kirjautuminen katkeaa Suomi.fi-tunnistuksen jälkeen',
    '<p>Useampi asiakas on ilmoittanut, että asiointipalvelu palaa etusivulle tunnistautumisen jälkeen. Ongelma näyttää koskevan vain mobiiliselaimia. Onko tästä jo vikailmoitus?</p>',
    'Useampi asiakas on ilmoittanut, että asiointipalvelu palaa etusivulle tunnistautumisen jälkeen. Ongelma näyttää koskevan vain mobiiliselaimia. Onko tästä jo vikailmoitus?',
    'a1a1a1a1-0000-4000-8000-000000000001'
  ),
  (
    'e1e1e1e1-0000-4000-8000-000000000012', 'e0e0e0e0-0000-4000-8000-000000000014', 'discussion',
    'Tammikuun versiopäivitys: testaajia tarvitaan',
    '<p>Tammikuun versiossa uudistuvat työnhakuvelvollisuuden seuranta ja palvelutarvearvion näkymä. Tarvitsemme viisi testaajaa työllisyysalueilta testiympäristöön kahdeksi viikoksi.</p>',
    'Tammikuun versiossa uudistuvat työnhakuvelvollisuuden seuranta ja palvelutarvearvion näkymä. Tarvitsemme viisi testaajaa työllisyysalueilta testiympäristöön kahdeksi viikoksi.',
    'a1a1a1a1-0000-4000-8000-000000000002'
  ),
  (
    'e1e1e1e1-0000-4000-8000-000000000013', 'e0e0e0e0-0000-4000-8000-000000000009', 'discussion',
    'Loppuraportti: mitä kuntakokeiluista opittiin',
    '<p>Loppuraportti on valmis. Tärkeimmät opit: <strong>asiakasohjaus</strong> hyvinvointialueelle toimii, kun yhteyshenkilöt on nimetty, ja työnhakijan palvelumalli kannattaa ottaa käyttöön vaiheittain.</p>',
    'Loppuraportti on valmis. Tärkeimmät opit: asiakasohjaus hyvinvointialueelle toimii, kun yhteyshenkilöt on nimetty, ja työnhakijan palvelumalli kannattaa ottaa käyttöön vaiheittain.',
    'a1a1a1a1-0000-4000-8000-000000000002'
  );

insert into public.discussion_replies (id, thread_id, body_html, body_text, mentions, author_id) values
  (
    'e2e2e2e2-0000-4000-8000-000000000001', 'e1e1e1e1-0000-4000-8000-000000000001',
    '<p>Meillä Helsingissä lasketaan koko päivän matka-aika kotoa työpaikalle ja takaisin julkisilla kulkuneuvoilla, ja raja on osa-aikatyössä tiukempi kuin kokoaikatyössä. Arvio tehdään aina tapauskohtaisesti.</p>',
    'Meillä Helsingissä lasketaan koko päivän matka-aika kotoa työpaikalle ja takaisin julkisilla kulkuneuvoilla, ja raja on osa-aikatyössä tiukempi kuin kokoaikatyössä. Arvio tehdään aina tapauskohtaisesti.',
    '{}', 'a1a1a1a1-0000-4000-8000-000000000009'
  ),
  (
    'e2e2e2e2-0000-4000-8000-000000000002', 'e1e1e1e1-0000-4000-8000-000000000001',
    '<p>Työttömyysturvalain 2 a luvun 4 § määrittelee kohtuullisen päivittäisen työmatka-ajan erikseen koko- ja osa-aikatyölle. Kahden tunnin matka suuntaansa eli neljä tuntia päivässä ylittää kokoaikatyönkin rajan, joten kieltäytymiselle on <strong>pätevä syy</strong>.</p><ul><li>Kirjatkaa lausuntoon matka-aika ja kulkuyhteys.</li><li>Huomioikaa myös mahdolliset lastenhoitojärjestelyt.</li></ul>',
    'Työttömyysturvalain 2 a luvun 4 § määrittelee kohtuullisen päivittäisen työmatka-ajan erikseen koko- ja osa-aikatyölle. Kahden tunnin matka suuntaansa eli neljä tuntia päivässä ylittää kokoaikatyönkin rajan, joten kieltäytymiselle on pätevä syy. Kirjatkaa lausuntoon matka-aika ja kulkuyhteys. Huomioikaa myös mahdolliset lastenhoitojärjestelyt.',
    '{}', 'a1a1a1a1-0000-4000-8000-000000000002'
  ),
  (
    'e2e2e2e2-0000-4000-8000-000000000003', 'e1e1e1e1-0000-4000-8000-000000000001',
    '<p>Kiitos, tämä selkeytti. Vien linjauksen tiimin ohjeeseen.</p>',
    'Kiitos, tämä selkeytti. Vien linjauksen tiimin ohjeeseen.',
    '{}', 'a1a1a1a1-0000-4000-8000-000000000001'
  ),
  (
    'e2e2e2e2-0000-4000-8000-000000000004', 'e1e1e1e1-0000-4000-8000-000000000002',
    '<p>Luvun 7 luonnoksessa olisi hyvä mainita, miten toimitaan, kun keskustelu on peruttu työllisyysalueen aloitteesta.</p>',
    'Luvun 7 luonnoksessa olisi hyvä mainita, miten toimitaan, kun keskustelu on peruttu työllisyysalueen aloitteesta.',
    '{}', 'a1a1a1a1-0000-4000-8000-000000000004'
  ),
  (
    'e2e2e2e2-0000-4000-8000-000000000005', 'e1e1e1e1-0000-4000-8000-000000000003',
    '<p>Tampereella hyvinvointialue laatii ohjelman, jos asiakas ei ole työnhakija, ja työllisyysalue konsultoi tarvittaessa. Sovimme tämän yhteistyösopimuksen liitteessä.</p>',
    'Tampereella hyvinvointialue laatii ohjelman, jos asiakas ei ole työnhakija, ja työllisyysalue konsultoi tarvittaessa. Sovimme tämän yhteistyösopimuksen liitteessä.',
    '{}', 'a1a1a1a1-0000-4000-8000-000000000001'
  ),
  (
    'e2e2e2e2-0000-4000-8000-000000000006', 'e1e1e1e1-0000-4000-8000-000000000004',
    '<p>Hyvä taulukko! Lisäisin sarakkeen siitä, kirjataanko arvioon myös asiakkaan oma näkemys työkyvystään.</p>',
    'Hyvä taulukko! Lisäisin sarakkeen siitä, kirjataanko arvioon myös asiakkaan oma näkemys työkyvystään.',
    '{}', 'a1a1a1a1-0000-4000-8000-000000000001'
  ),
  (
    'e2e2e2e2-0000-4000-8000-000000000007', 'e1e1e1e1-0000-4000-8000-000000000006',
    '<p>Turussa pienet, alle 3 000 euron hakemukset tarkastetaan otannalla, ja maksatus on nopeutunut noin kahdella viikolla. Lähetän menettelykuvauksen verkoston kansioon.</p>',
    'Turussa pienet, alle 3 000 euron hakemukset tarkastetaan otannalla, ja maksatus on nopeutunut noin kahdella viikolla. Lähetän menettelykuvauksen verkoston kansioon.',
    '{}', 'a1a1a1a1-0000-4000-8000-000000000002'
  ),
  (
    'e2e2e2e2-0000-4000-8000-000000000008', 'e1e1e1e1-0000-4000-8000-000000000006',
    '<p>Helsingissä kokeillaan samaa ensi vuoden alusta.</p>',
    'Helsingissä kokeillaan samaa ensi vuoden alusta.',
    '{}', 'a1a1a1a1-0000-4000-8000-000000000009'
  ),
  (
    'e2e2e2e2-0000-4000-8000-000000000009', 'e1e1e1e1-0000-4000-8000-000000000008',
    '<p>Laki ei edellytä kasvokkaista tapaamista. Palvelutarvearvion voi tehdä puhelimessa, kun asiakkaan tilanne saadaan selvitettyä riittävästi ja asiakas siihen suostuu. <strong>Kirjatkaa</strong> tapaamistapa ja sen peruste asiakastietoihin.</p>',
    'Laki ei edellytä kasvokkaista tapaamista. Palvelutarvearvion voi tehdä puhelimessa, kun asiakkaan tilanne saadaan selvitettyä riittävästi ja asiakas siihen suostuu. Kirjatkaa tapaamistapa ja sen peruste asiakastietoihin.',
    '{}', 'a1a1a1a1-0000-4000-8000-000000000003'
  ),
  (
    'e2e2e2e2-0000-4000-8000-000000000010', 'e1e1e1e1-0000-4000-8000-000000000008',
    '<p>Lisäyksenä: jos asiakkaalla on tulkkaustarve, video on yleensä puhelinta parempi. Kalle Koordinaattori, voisiko tämän lisätä työttömyysturvamanuaalin esimerkkeihin?</p>',
    'Lisäyksenä: jos asiakkaalla on tulkkaustarve, video on yleensä puhelinta parempi. Kalle Koordinaattori, voisiko tämän lisätä työttömyysturvamanuaalin esimerkkeihin?',
    '{a1a1a1a1-0000-4000-8000-000000000002}', 'a1a1a1a1-0000-4000-8000-000000000001'
  ),
  (
    'e2e2e2e2-0000-4000-8000-000000000011', 'e1e1e1e1-0000-4000-8000-000000000009',
    '<p>Tämä on hyvä kysymys, palaan asiaan juristitiimin kanssa ensi viikolla.</p>',
    'Tämä on hyvä kysymys, palaan asiaan juristitiimin kanssa ensi viikolla.',
    '{}', 'a1a1a1a1-0000-4000-8000-000000000003'
  ),
  (
    'e2e2e2e2-0000-4000-8000-000000000012', 'e1e1e1e1-0000-4000-8000-000000000010',
    '<p>Luin luvun läpi. Hyväksyn, kunhan esimerkki 5.3 päivitetään vastaamaan uutta euromääräistä työssäoloehtoa.</p>',
    'Luin luvun läpi. Hyväksyn, kunhan esimerkki 5.3 päivitetään vastaamaan uutta euromääräistä työssäoloehtoa.',
    '{}', 'a1a1a1a1-0000-4000-8000-000000000003'
  ),
  (
    'e2e2e2e2-0000-4000-8000-000000000013', 'e1e1e1e1-0000-4000-8000-000000000011',
    '<p>Vikailmoitus on tehty, ja korjaus on menossa perjantain huoltokatkon yhteydessä tuotantoon. Kiertotie: asiakas voi kirjautua tietokoneen selaimella.</p>',
    'Vikailmoitus on tehty, ja korjaus on menossa perjantain huoltokatkon yhteydessä tuotantoon. Kiertotie: asiakas voi kirjautua tietokoneen selaimella.',
    '{}', 'a1a1a1a1-0000-4000-8000-000000000008'
  ),
  (
    'e2e2e2e2-0000-4000-8000-000000000014', 'e1e1e1e1-0000-4000-8000-000000000012',
    '<p>Tampereelta voin lähteä testaajaksi, samoin yksi kollega yrityspalveluista.</p>',
    'Tampereelta voin lähteä testaajaksi, samoin yksi kollega yrityspalveluista.',
    '{}', 'a1a1a1a1-0000-4000-8000-000000000001'
  ),
  (
    'e2e2e2e2-0000-4000-8000-000000000015', 'e1e1e1e1-0000-4000-8000-000000000013',
    '<p>Raportin liite 2 (asiakasohjauksen prosessikaavio) on ollut meillä käytössä työllisyysalueen käynnistyksessä. Kiitos!</p>',
    'Raportin liite 2 (asiakasohjauksen prosessikaavio) on ollut meillä käytössä työllisyysalueen käynnistyksessä. Kiitos!',
    '{}', 'a1a1a1a1-0000-4000-8000-000000000004'
  );

-- Accepted answers of three questions; the fourth question still waits for its answer.
update public.discussion_threads as thread
set answer_reply_id = answer.reply_id
from (values
  ('e1e1e1e1-0000-4000-8000-000000000001'::uuid, 'e2e2e2e2-0000-4000-8000-000000000002'::uuid),
  ('e1e1e1e1-0000-4000-8000-000000000006', 'e2e2e2e2-0000-4000-8000-000000000007'),
  ('e1e1e1e1-0000-4000-8000-000000000008', 'e2e2e2e2-0000-4000-8000-000000000009'),
  ('e1e1e1e1-0000-4000-8000-000000000011', 'e2e2e2e2-0000-4000-8000-000000000013')
) as answer (thread_id, reply_id)
where thread.id = answer.thread_id;

insert into public.discussion_reactions (thread_id, reply_id, user_id, reaction) values
  ('e1e1e1e1-0000-4000-8000-000000000001', 'e2e2e2e2-0000-4000-8000-000000000002', 'a1a1a1a1-0000-4000-8000-000000000001', 'thumbs_up'),
  ('e1e1e1e1-0000-4000-8000-000000000001', 'e2e2e2e2-0000-4000-8000-000000000002', 'a1a1a1a1-0000-4000-8000-000000000009', 'insightful'),
  ('e1e1e1e1-0000-4000-8000-000000000001', 'e2e2e2e2-0000-4000-8000-000000000002', 'a1a1a1a1-0000-4000-8000-000000000004', 'thumbs_up'),
  ('e1e1e1e1-0000-4000-8000-000000000002', null, 'a1a1a1a1-0000-4000-8000-000000000001', 'thumbs_up'),
  ('e1e1e1e1-0000-4000-8000-000000000006', 'e2e2e2e2-0000-4000-8000-000000000007', 'a1a1a1a1-0000-4000-8000-000000000001', 'celebrate'),
  ('e1e1e1e1-0000-4000-8000-000000000008', 'e2e2e2e2-0000-4000-8000-000000000009', 'a1a1a1a1-0000-4000-8000-000000000009', 'agree'),
  ('e1e1e1e1-0000-4000-8000-000000000008', 'e2e2e2e2-0000-4000-8000-000000000009', 'a1a1a1a1-0000-4000-8000-000000000002', 'thumbs_up'),
  ('e1e1e1e1-0000-4000-8000-000000000011', 'e2e2e2e2-0000-4000-8000-000000000013', 'a1a1a1a1-0000-4000-8000-000000000001', 'heart'),
  ('e1e1e1e1-0000-4000-8000-000000000012', null, 'a1a1a1a1-0000-4000-8000-000000000008', 'thumbs_up');

-- When each post was written (the insert triggers stamp them all with the seed's own time).
update public.discussion_threads as thread
set created_at = now() - posted.age
from (values
  ('e1e1e1e1-0000-4000-8000-000000000001'::uuid, interval '9 days'),
  ('e1e1e1e1-0000-4000-8000-000000000002', interval '4 days'),
  ('e1e1e1e1-0000-4000-8000-000000000003', interval '16 days'),
  ('e1e1e1e1-0000-4000-8000-000000000004', interval '6 days'),
  ('e1e1e1e1-0000-4000-8000-000000000005', interval '27 days'),
  ('e1e1e1e1-0000-4000-8000-000000000006', interval '12 days'),
  ('e1e1e1e1-0000-4000-8000-000000000007', interval '3 days'),
  ('e1e1e1e1-0000-4000-8000-000000000008', interval '8 days'),
  ('e1e1e1e1-0000-4000-8000-000000000009', interval '2 days'),
  ('e1e1e1e1-0000-4000-8000-000000000010', interval '5 days'),
  ('e1e1e1e1-0000-4000-8000-000000000011', interval '7 days'),
  ('e1e1e1e1-0000-4000-8000-000000000012', interval '1 day'),
  ('e1e1e1e1-0000-4000-8000-000000000013', interval '60 days')
) as posted (id, age)
where thread.id = posted.id;

update public.discussion_replies as reply
set created_at = now() - posted.age
from (values
  ('e2e2e2e2-0000-4000-8000-000000000001'::uuid, interval '8 days 20 hours'),
  ('e2e2e2e2-0000-4000-8000-000000000002', interval '8 days 3 hours'),
  ('e2e2e2e2-0000-4000-8000-000000000003', interval '7 days 22 hours'),
  ('e2e2e2e2-0000-4000-8000-000000000004', interval '3 days 5 hours'),
  ('e2e2e2e2-0000-4000-8000-000000000005', interval '15 days'),
  ('e2e2e2e2-0000-4000-8000-000000000006', interval '5 days 2 hours'),
  ('e2e2e2e2-0000-4000-8000-000000000007', interval '11 days'),
  ('e2e2e2e2-0000-4000-8000-000000000008', interval '10 days 4 hours'),
  ('e2e2e2e2-0000-4000-8000-000000000009', interval '7 days 6 hours'),
  ('e2e2e2e2-0000-4000-8000-000000000010', interval '6 days 23 hours'),
  ('e2e2e2e2-0000-4000-8000-000000000011', interval '1 day 18 hours'),
  ('e2e2e2e2-0000-4000-8000-000000000012', interval '4 days 2 hours'),
  ('e2e2e2e2-0000-4000-8000-000000000013', interval '6 days 19 hours'),
  ('e2e2e2e2-0000-4000-8000-000000000014', interval '20 hours'),
  ('e2e2e2e2-0000-4000-8000-000000000015', interval '45 days')
) as posted (id, age)
where reply.id = posted.id;

update public.discussion_threads as thread
set last_activity_at = greatest(
  thread.created_at,
  coalesce((select max(reply.created_at) from public.discussion_replies as reply where reply.thread_id = thread.id), thread.created_at)
)
where thread.network_id::text like 'e0e0e0e0-0000-4000-8000-%';

update public.discussion_reactions as reaction
set created_at = coalesce(
  (select reply.created_at from public.discussion_replies as reply where reply.id = reaction.reply_id),
  (select thread.created_at from public.discussion_threads as thread where thread.id = reaction.thread_id)
) + interval '2 hours'
where reaction.network_id::text like 'e0e0e0e0-0000-4000-8000-%';

-- Meetings ------------------------------------------------------------------------------------
-- Times are Helsinki local times; the upcoming verkostopäivä has room for three, so Olli, the
-- fourth to register, waits on the list.

insert into public.meetings (
  id, network_id, title, starts_at, ends_at, location, video_url, capacity, registration_open,
  agenda_html, agenda_text, minutes_html, minutes_text, created_by
) values
  (
    'e3e3e3e3-0000-4000-8000-000000000001', 'e0e0e0e0-0000-4000-8000-000000000001',
    'Työttömyysturvan ajankohtaispäivä',
    ((current_date - 21) + time '09:00') at time zone 'Europe/Helsinki',
    ((current_date - 21) + time '12:00') at time zone 'Europe/Helsinki',
    null, 'https://teams.example/verkko/tyottomyysturva-ajankohtaispaiva', null, false,
    '<ul><li>Lakimuutokset 1.1. alkaen</li><li>Työvoimapoliittisten lausuntojen laatu: otantatarkastuksen tulokset</li><li>Kysymyksiä ja vastauksia</li></ul>',
    'Lakimuutokset 1.1. alkaen; Työvoimapoliittisten lausuntojen laatu: otantatarkastuksen tulokset; Kysymyksiä ja vastauksia',
    '<p><strong>Läsnä</strong> 84 osallistujaa 31 työllisyysalueelta.</p><ul><li>Käytiin läpi vuodenvaihteen muutokset; diat verkoston kansiossa.</li><li>Otantatarkastuksessa puutteita oli eniten lausuntojen perusteluissa.</li><li>Sovittiin, että KEHA-keskus kokoaa perustelumallit manuaaliin.</li></ul>',
    'Läsnä 84 osallistujaa 31 työllisyysalueelta. Käytiin läpi vuodenvaihteen muutokset; diat verkoston kansiossa. Otantatarkastuksessa puutteita oli eniten lausuntojen perusteluissa. Sovittiin, että KEHA-keskus kokoaa perustelumallit manuaaliin.',
    'a1a1a1a1-0000-4000-8000-000000000002'
  ),
  (
    'e3e3e3e3-0000-4000-8000-000000000002', 'e0e0e0e0-0000-4000-8000-000000000001',
    'Verkostopäivä: työnhakuvelvollisuus käytännössä',
    ((current_date + 14) + time '09:30') at time zone 'Europe/Helsinki',
    ((current_date + 14) + time '15:00') at time zone 'Europe/Helsinki',
    'KEHA-keskus, Tampere, kokoushuone Näsi', 'https://teams.example/verkko/verkostopaiva', 3, true,
    '<ul><li>Avaus ja ajankohtaiset</li><li>Työllisyysalueiden käytännöt: täydentävät työnhakukeskustelut</li><li>Ryhmätyö: lausuntojen perustelut</li><li>Yhteenveto</li></ul>',
    'Avaus ja ajankohtaiset; Työllisyysalueiden käytännöt: täydentävät työnhakukeskustelut; Ryhmätyö: lausuntojen perustelut; Yhteenveto',
    '', '', 'a1a1a1a1-0000-4000-8000-000000000002'
  ),
  (
    'e3e3e3e3-0000-4000-8000-000000000003', 'e0e0e0e0-0000-4000-8000-000000000010',
    'Sparrausklinikka: 380/2023 ensimmäinen vuosi',
    ((current_date + 6) + time '13:00') at time zone 'Europe/Helsinki',
    ((current_date + 6) + time '14:30') at time zone 'Europe/Helsinki',
    null, 'https://teams.example/verkko/sparrausklinikka', null, true,
    '<p>Tuo mukanasi tapaus, jossa lain soveltaminen on ollut epäselvää. Käsittelemme tapaukset ilman tunnistetietoja.</p>',
    'Tuo mukanasi tapaus, jossa lain soveltaminen on ollut epäselvää. Käsittelemme tapaukset ilman tunnistetietoja.',
    '', '', 'a1a1a1a1-0000-4000-8000-000000000003'
  ),
  (
    'e3e3e3e3-0000-4000-8000-000000000004', 'e0e0e0e0-0000-4000-8000-000000000004',
    'Alueverkoston kuukausitapaaminen',
    ((current_date - 7) + time '10:00') at time zone 'Europe/Helsinki',
    ((current_date - 7) + time '11:30') at time zone 'Europe/Helsinki',
    'Tampereen työllisyysalue, Hämeenkatu, neuvotteluhuone 3', null, 12, false,
    '<ul><li>Palvelutarvearvioiden vertailutaulukko</li><li>Kevään rekrytointitapahtumat</li></ul>',
    'Palvelutarvearvioiden vertailutaulukko; Kevään rekrytointitapahtumat',
    '<p>Päätettiin yhtenäistää osatyökykyisyyden kirjaus. Olli valmistelee ohjeluonnoksen seuraavaan tapaamiseen.</p>',
    'Päätettiin yhtenäistää osatyökykyisyyden kirjaus. Olli valmistelee ohjeluonnoksen seuraavaan tapaamiseen.',
    'a1a1a1a1-0000-4000-8000-000000000004'
  ),
  (
    'e3e3e3e3-0000-4000-8000-000000000005', 'e0e0e0e0-0000-4000-8000-000000000014',
    'Versiopäivityksen esittely ja testauksen aloitus',
    ((current_date + 21) + time '13:00') at time zone 'Europe/Helsinki',
    ((current_date + 21) + time '15:00') at time zone 'Europe/Helsinki',
    null, 'https://teams.example/verkko/te-digi-versio', 30, true,
    '<p>Järjestelmätoimittaja esittelee tammikuun version muutokset, ja testaajat saavat tunnukset testiympäristöön.</p>',
    'Järjestelmätoimittaja esittelee tammikuun version muutokset, ja testaajat saavat tunnukset testiympäristöön.',
    '', '', 'a1a1a1a1-0000-4000-8000-000000000002'
  ),
  (
    'e3e3e3e3-0000-4000-8000-000000000006', 'e0e0e0e0-0000-4000-8000-000000000005',
    'Ohjaamoiden ja oppilaitosten yhteistapaaminen',
    ((current_date + 35) + time '12:30') at time zone 'Europe/Helsinki',
    ((current_date + 35) + time '14:00') at time zone 'Europe/Helsinki',
    'Ohjaamo Helsinki, Fredrikinkatu', null, 25, true,
    '<ul><li>Nivelvaiheen ohjaus keväällä</li><li>Kesätyöseteli 2026</li></ul>',
    'Nivelvaiheen ohjaus keväällä; Kesätyöseteli 2026',
    '', '', 'a1a1a1a1-0000-4000-8000-000000000009'
  );

insert into public.meeting_registrations (meeting_id, user_id, network_id, status, created_at, updated_at)
select registration.meeting_id, registration.user_id, meeting.network_id, registration.status,
       now() - registration.age, now() - registration.age
from (values
  ('e3e3e3e3-0000-4000-8000-000000000001'::uuid, 'a1a1a1a1-0000-4000-8000-000000000001'::uuid, 'registered'::public.registration_status, interval '30 days'),
  ('e3e3e3e3-0000-4000-8000-000000000001', 'a1a1a1a1-0000-4000-8000-000000000009', 'registered', interval '29 days'),
  ('e3e3e3e3-0000-4000-8000-000000000001', 'a1a1a1a1-0000-4000-8000-000000000004', 'cancelled', interval '28 days'),
  ('e3e3e3e3-0000-4000-8000-000000000002', 'a1a1a1a1-0000-4000-8000-000000000002', 'registered', interval '6 days'),
  ('e3e3e3e3-0000-4000-8000-000000000002', 'a1a1a1a1-0000-4000-8000-000000000009', 'registered', interval '5 days'),
  ('e3e3e3e3-0000-4000-8000-000000000002', 'a1a1a1a1-0000-4000-8000-000000000001', 'registered', interval '4 days'),
  ('e3e3e3e3-0000-4000-8000-000000000002', 'a1a1a1a1-0000-4000-8000-000000000004', 'waitlisted', interval '3 days'),
  -- Sanna registered before Tampere deactivated her: nobody sees her registration any more.
  ('e3e3e3e3-0000-4000-8000-000000000002', 'a1a1a1a1-0000-4000-8000-000000000007', 'waitlisted', interval '2 days'),
  ('e3e3e3e3-0000-4000-8000-000000000003', 'a1a1a1a1-0000-4000-8000-000000000001', 'registered', interval '2 days'),
  ('e3e3e3e3-0000-4000-8000-000000000003', 'a1a1a1a1-0000-4000-8000-000000000009', 'registered', interval '1 day'),
  ('e3e3e3e3-0000-4000-8000-000000000004', 'a1a1a1a1-0000-4000-8000-000000000001', 'registered', interval '14 days'),
  ('e3e3e3e3-0000-4000-8000-000000000005', 'a1a1a1a1-0000-4000-8000-000000000008', 'registered', interval '1 day')
) as registration (meeting_id, user_id, status, age)
join public.meetings as meeting on meeting.id = registration.meeting_id;

select private.recount_registrations(meeting.id)
from public.meetings as meeting
where meeting.id::text like 'e3e3e3e3-0000-4000-8000-%';

update public.meetings as meeting
set created_at = least(now() - interval '10 days', meeting.starts_at - interval '30 days'),
    updated_at = least(now() - interval '10 days', meeting.starts_at - interval '30 days')
where meeting.id::text like 'e3e3e3e3-0000-4000-8000-%';

-- Tasks: every status, one overdue (in progress past its due date), one without an owner.
insert into public.tasks (id, network_id, title, description, owner_id, due_date, status, created_by) values
  ('e4e4e4e4-0000-4000-8000-000000000001', 'e0e0e0e0-0000-4000-8000-000000000001',
   'Kokoa perustelumallit työvoimapoliittisiin lausuntoihin',
   'Ajankohtaispäivässä sovittu: mallit manuaalin lukuun 7.', 'a1a1a1a1-0000-4000-8000-000000000002',
   current_date + 20, 'in_progress', 'a1a1a1a1-0000-4000-8000-000000000002'),
  ('e4e4e4e4-0000-4000-8000-000000000002', 'e0e0e0e0-0000-4000-8000-000000000001',
   'Päivitä verkoston esittely ja jäsenlista', '', 'a1a1a1a1-0000-4000-8000-000000000001',
   current_date - 5, 'in_progress', 'a1a1a1a1-0000-4000-8000-000000000002'),
  ('e4e4e4e4-0000-4000-8000-000000000003', 'e0e0e0e0-0000-4000-8000-000000000001',
   'Lähetä ajankohtaispäivän diat osallistujille', '', 'a1a1a1a1-0000-4000-8000-000000000002',
   current_date - 18, 'done', 'a1a1a1a1-0000-4000-8000-000000000002'),
  ('e4e4e4e4-0000-4000-8000-000000000004', 'e0e0e0e0-0000-4000-8000-000000000001',
   'Kerää kysymykset verkostopäivän paneeliin', '', null,
   current_date + 10, 'not_started', 'a1a1a1a1-0000-4000-8000-000000000002'),
  ('e4e4e4e4-0000-4000-8000-000000000005', 'e0e0e0e0-0000-4000-8000-000000000004',
   'Ohjeluonnos osatyökykyisyyden kirjaamisesta', 'Kuukausitapaamisen päätös.', 'a1a1a1a1-0000-4000-8000-000000000004',
   current_date + 21, 'not_started', 'a1a1a1a1-0000-4000-8000-000000000004'),
  ('e4e4e4e4-0000-4000-8000-000000000006', 'e0e0e0e0-0000-4000-8000-000000000004',
   'Varaa tilat kevään rekrytointitapahtumalle', '', 'a1a1a1a1-0000-4000-8000-000000000001',
   current_date + 45, 'in_progress', 'a1a1a1a1-0000-4000-8000-000000000004'),
  ('e4e4e4e4-0000-4000-8000-000000000007', 'e0e0e0e0-0000-4000-8000-000000000010',
   'Kokoa tulkintasuositus palvelutarvearvion tapaamistavasta', 'Ketjun hyväksytyn vastauksen pohjalta.',
   'a1a1a1a1-0000-4000-8000-000000000003', current_date + 30, 'in_progress', 'a1a1a1a1-0000-4000-8000-000000000003'),
  ('e4e4e4e4-0000-4000-8000-000000000008', 'e0e0e0e0-0000-4000-8000-000000000012',
   'Hyväksy luku 5 (työssäoloehto)', '', 'a1a1a1a1-0000-4000-8000-000000000003',
   current_date + 3, 'not_started', 'a1a1a1a1-0000-4000-8000-000000000002'),
  ('e4e4e4e4-0000-4000-8000-000000000009', 'e0e0e0e0-0000-4000-8000-000000000012',
   'Luvun 3 vuositarkistus', '', 'a1a1a1a1-0000-4000-8000-000000000002',
   current_date - 40, 'done', 'a1a1a1a1-0000-4000-8000-000000000002'),
  ('e4e4e4e4-0000-4000-8000-000000000010', 'e0e0e0e0-0000-4000-8000-000000000014',
   'Testaa työnhakuvelvollisuuden seurantanäkymä testiympäristössä', '', 'a1a1a1a1-0000-4000-8000-000000000001',
   current_date + 35, 'not_started', 'a1a1a1a1-0000-4000-8000-000000000002'),
  ('e4e4e4e4-0000-4000-8000-000000000011', 'e0e0e0e0-0000-4000-8000-000000000014',
   'Korjaa mobiilikirjautumisen paluuosoite', 'Vikailmoitus asiointipalvelun kirjautumisesta.',
   'a1a1a1a1-0000-4000-8000-000000000008', current_date - 2, 'done', 'a1a1a1a1-0000-4000-8000-000000000002'),
  ('e4e4e4e4-0000-4000-8000-000000000012', 'e0e0e0e0-0000-4000-8000-000000000006',
   'Kuvaa otantaan perustuva maksatuksen tarkastus', '', 'a1a1a1a1-0000-4000-8000-000000000002',
   current_date + 12, 'in_progress', 'a1a1a1a1-0000-4000-8000-000000000002');

update public.tasks as task
set created_at = now() - interval '14 days',
    completed_at = case when task.status = 'done' then now() - interval '3 days' end
where task.id::text like 'e4e4e4e4-0000-4000-8000-%';

-- Demo users' last visits, so the overview has something "new since your last visit".
insert into public.network_visits (network_id, user_id, seen_at) values
  ('e0e0e0e0-0000-4000-8000-000000000001', 'a1a1a1a1-0000-4000-8000-000000000001', now() - interval '6 days'),
  ('e0e0e0e0-0000-4000-8000-000000000010', 'a1a1a1a1-0000-4000-8000-000000000001', now() - interval '3 days'),
  ('e0e0e0e0-0000-4000-8000-000000000014', 'a1a1a1a1-0000-4000-8000-000000000001', now() - interval '10 days'),
  ('e0e0e0e0-0000-4000-8000-000000000001', 'a1a1a1a1-0000-4000-8000-000000000002', now() - interval '1 day');

-- A network's last activity is its newest post, meeting or task; member counts leave out people
-- whose organisation has ended their access.
update public.networks as network
set last_activity_at = greatest(
  network.created_at,
  (select max(thread.last_activity_at) from public.discussion_threads as thread where thread.network_id = network.id),
  (select max(meeting.created_at) from public.meetings as meeting where meeting.network_id = network.id),
  (select max(task.created_at) from public.tasks as task where task.network_id = network.id)
)
where network.id::text like 'e0e0e0e0-0000-4000-8000-%';

select private.recount_network_members(array(select id from public.networks));

-- Notifications -------------------------------------------------------------------------------
-- The triggers above notified as if nobody in particular had acted (the seed has no signed-in
-- user, so auth.uid() is null): name the actors, date each notification by its event, and drop
-- what went to the actors themselves or to people who were not yet in the thread (a multi-row
-- insert shows every reply to every row's trigger at once).
update public.notifications as notification
set actor_id = reply.author_id, created_at = reply.created_at + interval '1 minute'
from public.discussion_replies as reply
where notification.kind in ('reply', 'mention', 'new_thread')
  and split_part(notification.link, '#reply-', 2) = reply.id::text;

update public.notifications as notification
set actor_id = thread.author_id, created_at = thread.created_at + interval '1 minute'
from public.discussion_threads as thread
where notification.kind in ('new_thread', 'mention')
  and notification.link = '/networks/' || (notification.data ->> 'network_slug') || '/discussions/' || thread.id;

delete from public.notifications as notification
using public.discussion_replies as reply, public.discussion_threads as thread
where notification.kind = 'reply'
  and split_part(notification.link, '#reply-', 2) = reply.id::text
  and thread.id = reply.thread_id
  and (
    notification.recipient_id = reply.author_id
    or (
      notification.recipient_id <> thread.author_id
      and not exists (
        select 1 from public.discussion_replies as earlier
        where earlier.thread_id = thread.id and earlier.author_id = notification.recipient_id
          and earlier.created_at < reply.created_at
      )
    )
  );

update public.notifications as notification
set actor_id = task.created_by, created_at = task.created_at
from public.tasks as task
where notification.kind = 'task_assigned'
  and split_part(notification.link, '#task-', 2) = task.id::text;

delete from public.notifications where kind = 'task_assigned' and recipient_id = actor_id;

-- What the features' functions would have sent for the requests, invitations and registrations
-- inserted directly above.
insert into public.notifications (recipient_id, kind, network_id, actor_id, link, data, created_at)
select event.recipient, event.kind, network.id, event.actor,
  '/networks/' || network.slug || event.path,
  private.network_display(network)
    || jsonb_build_object('actor_name', private.display_name_of(event.actor))
    || event.extra,
  now() - event.age
from (values
  ('a1a1a1a1-0000-4000-8000-000000000002'::uuid, 'join_request', 'e0e0e0e0-0000-4000-8000-000000000003'::uuid,
   'a1a1a1a1-0000-4000-8000-000000000001'::uuid, '/members', '{}'::jsonb, interval '5 days'),
  ('a1a1a1a1-0000-4000-8000-000000000009', 'join_request', 'e0e0e0e0-0000-4000-8000-000000000007',
   'a1a1a1a1-0000-4000-8000-000000000001', '/members', '{}', interval '2 days'),
  ('a1a1a1a1-0000-4000-8000-000000000009', 'invitation', 'e0e0e0e0-0000-4000-8000-000000000011',
   'a1a1a1a1-0000-4000-8000-000000000003', '', '{}', interval '1 day'),
  ('a1a1a1a1-0000-4000-8000-000000000009', 'join_decided', 'e0e0e0e0-0000-4000-8000-000000000006',
   'a1a1a1a1-0000-4000-8000-000000000002', '', '{"approved":true}', interval '30 days'),
  ('a1a1a1a1-0000-4000-8000-000000000002', 'registration_changed', 'e0e0e0e0-0000-4000-8000-000000000001',
   'a1a1a1a1-0000-4000-8000-000000000004', '/meetings/e3e3e3e3-0000-4000-8000-000000000002',
   jsonb_build_object('title', 'Verkostopäivä: työnhakuvelvollisuus käytännössä', 'status', 'waitlisted'),
   interval '3 days')
) as event (recipient, kind, network_id, actor, path, extra, age)
join public.networks as network on network.id = event.network_id;

-- The daily job's reminders: the overdue review and the one falling due within 30 days.
select public.send_network_review_reminders();
update public.notifications set created_at = now() - interval '6 hours' where kind = 'review_due';

-- People have read what is older than a few days.
update public.notifications
set read_at = created_at + interval '3 hours'
where created_at < now() - interval '4 days';

-- Documents ------------------------------------------------------------------------------------
--
-- Co-edited guidance in the demo networks (ids e5e5e5e5-…): only `html` is given; the collab
-- server builds each document's live state from it the first time someone opens it, and from then
-- on writes the derived content, text and html itself. `text` is the html without tags here, so
-- that search and lists have something to show before that. Two documents are in Swedish. Shared beyond their
-- network: the service-need assessment with Helsinki (comment), Olli's draft with Aino (edit) and
-- Helmi (view), and the editorial board's reasoning models with the legal-sparring network
-- (comment) and with Aino, who compiled them with Kalle (edit). The first meeting's minutes are a
-- co-edited document too.

-- The text of demo html as the collab server derives it (Lexical's getTextContent): blocks, list
-- items and table cells separated by a blank line, which is what paragraph numbers count.
create function pg_temp.seed_plain_text(html text) returns text
language sql immutable
as $$
  select btrim(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(html, '</(p|h[1-6]|li|td|th)>', E'\n\n', 'g'),
    '<[^>]+>', '', 'g'), '[ \t]+', ' ', 'g'), '\s*\n\s*\n\s*', E'\n\n', 'g'), E' \n')
$$;

insert into public.documents (
  id, kind, title, language, owner_organisation_id, network_id, status, created_by, created_at,
  updated_at, html, text
)
select doc.id::uuid, doc.kind::public.document_kind, doc.title, doc.language, doc.owner::uuid,
  doc.network::uuid, doc.status::public.document_status, doc.created_by::uuid, doc.created_at,
  doc.created_at, doc.html, pg_temp.seed_plain_text(doc.html)
from (values
  (
    'e5e5e5e5-0000-4000-8000-000000000001', 'guidance', 'Työnhakijan palvelutarpeen arviointi', 'fi',
    'c0c0c0c0-0000-4000-8000-000000000001', 'e0e0e0e0-0000-4000-8000-000000000004', 'draft',
    'a1a1a1a1-0000-4000-8000-000000000004', now() - interval '40 days',
    '<h2>Mihin arviointia käytetään</h2><p>Palvelutarpeen arviointi tehdään jokaiselle työnhakijalle alkuhaastattelussa, ja sitä päivitetään työnhakukeskusteluissa aina, kun työnhakijan tilanne muuttuu. Arvion perusteella sovitaan, millaisia palveluja työnhakijalle tarjotaan ja kuinka tiiviisti hänen työnhakuaan tuetaan.</p><h2>Arvioinnin vaiheet</h2><ol><li>Selvitä työnhakijan koulutus, työkokemus, osaaminen ja ammattitoiveet.</li><li>Kartoita työllistymisen esteet: työkyky, kielitaito, digitaidot ja elämäntilanne.</li><li>Arvioi, pystyykö työnhakija hakemaan työtä itsenäisesti vai tarvitseeko hän tukea.</li><li>Kirjaa arvio perusteluineen asiakastietojärjestelmään ja sovi jatkosta työllistymissuunnitelmassa.</li></ol><h2>Tuen tarve</h2><table><thead><tr><th>Tuen tarve</th><th>Kenelle</th><th>Työnhakukeskustelut</th></tr></thead><tbody><tr><td>Itsenäinen työnhaku ja digipalvelut</td><td>Työmarkkinavalmiudet ovat hyvät</td><td>Alkuvaiheessa kahden viikon välein, tarvittaessa etänä</td></tr><tr><td>Henkilökohtainen ohjaus</td><td>Tarvitsee tukea työnhakuun tai osaamisen kehittämiseen</td><td>Tiiviisti, vähintään kuukauden välein</td></tr><tr><td>Monialainen tuki</td><td>Useita työllistymisen esteitä; yhteistyö hyvinvointialueen kanssa</td><td>Sovitaan monialaisessa suunnitelmassa</td></tr></tbody></table><blockquote><p>Arvio on aina asiantuntijan kokonaisharkintaa. Kirjaa perustelut niin, että toinen asiantuntija ymmärtää ne ilman lisäselvityksiä.</p></blockquote><p>Työnhakijan oma näkymä: <a href="https://tyomarkkinatori.fi">Työmarkkinatori</a>.</p>'
  ),
  (
    'e5e5e5e5-0000-4000-8000-000000000002', 'interpretation',
    'Työttömyysturvan työvoimapoliittiset edellytykset – soveltamisohje', 'fi',
    'c0c0c0c0-0000-4000-8000-000000000006', 'e0e0e0e0-0000-4000-8000-000000000001', 'published',
    'a1a1a1a1-0000-4000-8000-000000000002', now() - interval '60 days',
    '<h2>Soveltamisala</h2><p>Ohje koskee työvoimapoliittisten lausuntojen antamista työttömyysetuuden maksajalle eli Kelalle tai työttömyyskassalle. Lausunnossa työllisyysalue ratkaisee, täyttyvätkö etuuden saamisen työvoimapoliittiset edellytykset; muut edellytykset ratkaisee etuuden maksaja.</p><h2>Keskeiset edellytykset</h2><ul><li>Työnhakijana oleminen: työnhaku on voimassa.</li><li>Työmarkkinoiden käytettävissä oleminen: henkilö on valmis ottamaan vastaan kokoaikatyötä.</li><li>Työnhakuvelvollisuuden täyttäminen: työmahdollisuuksia on haettu työllistymissuunnitelmassa sovitulla tavalla.</li><li>Päätoiminen opiskelu ja yritystoiminta ratkaistaan työttömyysturvalain 2 luvun säännösten mukaan.</li></ul><h2>Menettely</h2><ol><li>Selvitä asia ja varaa työnhakijalle tilaisuus tulla kuulluksi (hallintolaki 34 §).</li><li>Anna lausunto viivytyksettä ja kirjaa perustelut sekä sovelletut säännökset.</li><li>Kerro työnhakijalle, että lausunto sitoo etuuden maksajaa ja että muutosta haetaan etuuden maksajan päätökseen.</li></ol><blockquote><p>Perusteluista on käytävä ilmi ne tosiasiat ja selvitykset, joihin ratkaisu perustuu. Otantatarkastuksessa puutteita löytyi eniten juuri perusteluista.</p></blockquote><p>Säädökset: <a href="https://www.finlex.fi/fi/laki/ajantasa/2002/20021290">työttömyysturvalaki (1290/2002)</a> ja <a href="https://www.finlex.fi/fi/laki/alkup/2023/20230380">laki työvoimapalvelujen järjestämisestä (380/2023)</a>.</p>'
  ),
  (
    'e5e5e5e5-0000-4000-8000-000000000003', 'guidance', 'Kotoutumissuunnitelman laatiminen', 'fi',
    'c0c0c0c0-0000-4000-8000-000000000002', 'e0e0e0e0-0000-4000-8000-000000000002', 'approved',
    'a1a1a1a1-0000-4000-8000-000000000009', now() - interval '35 days',
    '<h2>Kenelle suunnitelma laaditaan</h2><p>Kotoutumissuunnitelma laaditaan kotoutumisen edistämisestä annetun lain (681/2023) mukaisesti maahan muuttaneelle, jolle on tehty alkukartoitus ja joka tarvitsee suunnitelmallista tukea kotoutumiseensa. Työnhakijana olevan asiakkaan suunnitelman laatii työllisyysalue.</p><h2>Suunnitelman sisältö</h2><ul><li>kielitaidon taso sekä suomen tai ruotsin kielen opinnot</li><li>aiempi koulutus ja osaaminen sekä niiden tunnistaminen</li><li>työllistymisen ja koulutuksen tavoitteet</li><li>kotoutumisohjelman sisältö ja kesto</li></ul><h2>Työvaiheet</h2><ol><li>Tarkista alkukartoituksen tulokset ja kielitaidon arvio.</li><li>Sovi tavoitteet yhdessä asiakkaan kanssa; käytä tarvittaessa tulkkia.</li><li>Kirjaa suunnitelma ja anna se asiakkaalle ymmärrettävässä muodossa.</li><li>Seuraa suunnitelman toteutumista ja päivitä sitä, kun asiakkaan tilanne muuttuu.</li></ol><blockquote><p>Viranomainen huolehtii tulkitsemisesta ja kääntämisestä, kun asia voi tulla vireille viranomaisen aloitteesta.</p></blockquote>'
  ),
  (
    'e5e5e5e5-0000-4000-8000-000000000004', 'disruption_notice',
    'Häiriötiedote: työnhakukeskustelujen kirjaukset näkyvät asiointipalvelussa viiveellä', 'fi',
    'c0c0c0c0-0000-4000-8000-000000000006', 'e0e0e0e0-0000-4000-8000-000000000014', 'published',
    'a1a1a1a1-0000-4000-8000-000000000002', now() - interval '2 days',
    '<h2>Mitä on tapahtunut</h2><p>Asiakastietojärjestelmään tallennetut työnhakukeskustelujen kirjaukset näkyvät työnhakijan asiointipalvelussa viiveellä. Kirjaukset tallentuvat oikein, mutta niiden siirto asiointipalveluun kestää tällä hetkellä jopa neljä tuntia.</p><h2>Vaikutukset</h2><ul><li>Työnhakija ei näe päivitettyä työllistymissuunnitelmaa heti keskustelun jälkeen.</li><li>Työnhakuvelvollisuuden seuranta ei viivästy: ilmoitetut haetut työpaikat tallentuvat normaalisti.</li></ul><h2>Toimi näin</h2><ol><li>Kerro työnhakijalle, että suunnitelma näkyy asiointipalvelussa myöhemmin samana päivänä.</li><li>Älä tallenna kirjausta uudelleen: kaksoiskirjaukset joudutaan poistamaan käsin.</li><li>Ilmoita muista poikkeavista virheistä oman organisaatiosi pääkäyttäjälle.</li></ol><table><thead><tr><th>Aika</th><th>Tilanne</th></tr></thead><tbody><tr><td>maanantai klo 9.00</td><td>Häiriö havaittu</td></tr><tr><td>maanantai klo 11.30</td><td>Syy paikannettu, korjaus työn alla</td></tr><tr><td>tiistai klo 8.00</td><td>Seuraava tilannetiedote</td></tr></tbody></table>'
  ),
  (
    'e5e5e5e5-0000-4000-8000-000000000005', 'guidance',
    'Handledning: den inledande intervjun med arbetssökande', 'sv',
    'c0c0c0c0-0000-4000-8000-000000000002', 'e0e0e0e0-0000-4000-8000-000000000005', 'published',
    'a1a1a1a1-0000-4000-8000-000000000009', now() - interval '50 days',
    '<h2>Syftet med intervjun</h2><p>Den inledande intervjun ordnas inom fem vardagar efter att personen har registrerat sig som arbetssökande. Under intervjun utreds den arbetssökandes situation och servicebehov, och man kommer överens om hur kontakten fortsätter.</p><h2>Före intervjun</h2><ul><li>Läs de uppgifter som den arbetssökande har lämnat i e-tjänsten.</li><li>Kontrollera om hen behöver tolk eller service på svenska.</li><li>Reservera tillräckligt med tid: en inledande intervju tar ofta en timme.</li></ul><h2>Under intervjun</h2><ol><li>Berätta om rättigheter och skyldigheter, särskilt om skyldigheten att söka arbete.</li><li>Bedöm servicebehovet och dokumentera motiveringarna.</li><li>Gör upp en sysselsättningsplan tillsammans med den arbetssökande.</li><li>Kom överens om tidpunkten för nästa jobbsökningssamtal.</li></ol><blockquote><p>Unga under 30 år hänvisas vid behov till Navigatorn.</p></blockquote>'
  ),
  (
    'e5e5e5e5-0000-4000-8000-000000000006', 'manual', 'Lönesubvention: checklista för handläggaren', 'sv',
    'c0c0c0c0-0000-4000-8000-000000000002', 'e0e0e0e0-0000-4000-8000-000000000006', 'draft',
    'a1a1a1a1-0000-4000-8000-000000000009', now() - interval '20 days',
    '<h2>Innan beslutet</h2><ul><li>Kontrollera att arbetsgivaren har lämnat in ansökan innan anställningen börjar.</li><li>Bedöm och motivera hur den arbetssökandes produktivitet är nedsatt i det aktuella arbetet.</li><li>Kontrollera att arbetsgivaren inte har obetalda skatter eller pensionsavgifter.</li></ul><h2>Stödnivåer</h2><table><thead><tr><th>Grund</th><th>Stöd</th></tr></thead><tbody><tr><td>Nedsatt produktivitet</td><td>50 procent av lönekostnaderna</td></tr><tr><td>Partiellt arbetsför arbetssökande</td><td>70 procent av lönekostnaderna</td></tr></tbody></table><h2>Efter beslutet</h2><ol><li>Skicka beslutet till arbetsgivaren och informera den arbetssökande.</li><li>Följ upp att anställningen har börjat enligt beslutet.</li></ol><p>Arbetsgivarens anvisningar: <a href="https://tyomarkkinatori.fi/sv">Jobbmarknaden</a>.</p>'
  ),
  (
    'e5e5e5e5-0000-4000-8000-000000000007', 'interpretation',
    'Tulkintasuositus: omaehtoisen opiskelun tukeminen työttömyysetuudella', 'fi',
    'c0c0c0c0-0000-4000-8000-000000000008', 'e0e0e0e0-0000-4000-8000-000000000010', 'published',
    'a1a1a1a1-0000-4000-8000-000000000003', now() - interval '25 days',
    '<h2>Kysymys</h2><p>Voidaanko työnhakijan opintoja tukea työttömyysetuudella, jos hän on aloittanut opinnot ennen kuin tukemisesta on sovittu?</p><h2>Suositus</h2><p>Opintojen tukemisesta on sovittava ennen opintojen alkamista. Jos työnhakija on jo aloittanut opinnot, tukemisesta ei pääsääntöisesti voida sopia jälkikäteen. Poikkeuksena ovat tilanteet, joissa asian käsittely on viivästynyt työllisyysalueesta johtuvasta syystä.</p><h2>Perustelut</h2><ul><li>Tukemisen edellytykset arvioidaan ennen opintojen alkua: työnhakijan koulutustarve ja opintojen tarkoituksenmukaisuus hänen työllistymisensä kannalta.</li><li>Hallintolain palveluperiaate edellyttää, että työnhakija saa neuvontaa ajoissa.</li></ul><blockquote><p>Suositus on sparrausverkoston yhteinen näkemys. Se ei sido ratkaisijaa yksittäistapauksessa.</p></blockquote>'
  ),
  (
    'e5e5e5e5-0000-4000-8000-000000000008', 'good_practice', 'Työnhakukeskustelun muistilista', 'fi',
    'c0c0c0c0-0000-4000-8000-000000000001', 'e0e0e0e0-0000-4000-8000-000000000008', 'published',
    'a1a1a1a1-0000-4000-8000-000000000001', now() - interval '30 days',
    '<h2>Ennen keskustelua</h2><ul><li>Lue edellisen keskustelun kirjaukset ja työllistymissuunnitelma.</li><li>Tarkista ilmoitetut haetut työpaikat ja alueen avoimet tehtävät.</li></ul><h2>Keskustelussa</h2><ol><li>Kysy ensin, mikä on muuttunut edellisen keskustelun jälkeen.</li><li>Käy läpi haetut työpaikat ja niistä saatu palaute.</li><li>Sovi seuraavan jakson työnhakuvelvollisuus ja palvelut.</li><li>Varmista, että työnhakija tietää, miten haetut työpaikat ilmoitetaan.</li></ol><h2>Keskustelun jälkeen</h2><p>Kirjaa sovitut asiat samana päivänä. Hyvä kirjaus kertoo, mitä sovittiin, miksi ja milloin asiaan palataan.</p><blockquote><p>Vinkki verkostosta: päätä keskustelu yhteenvetoon, jonka työnhakija kertoo omin sanoin.</p></blockquote>'
  ),
  (
    'e5e5e5e5-0000-4000-8000-000000000009', 'guidance', 'Osatyökykyisen työnhakijan työkyvyn kirjaaminen (luonnos)', 'fi',
    'c0c0c0c0-0000-4000-8000-000000000001', null, 'draft',
    'a1a1a1a1-0000-4000-8000-000000000004', now() - interval '5 days',
    '<h2>Tausta</h2><p>Alueverkoston kuukausitapaamisessa päätettiin yhtenäistää osatyökykyisyyden kirjaus. Luonnos viimeistellään seuraavaan tapaamiseen mennessä.</p><h2>Ehdotus kirjauksen rakenteeksi</h2><ol><li>Työnhakijan oma kuvaus työkyvystään</li><li>Käytettävissä olevat selvitykset (vain tieto siitä, että selvitys on olemassa)</li><li>Työkyvyn vaikutus työnhakuun ja palveluihin</li><li>Sovitut tukitoimet, esimerkiksi työkykykoordinaattorin palvelu</li></ol><blockquote><p>Älä kirjaa diagnooseja vapaaseen tekstiin. Terveystiedot ovat arkaluonteisia, ja niitä kirjataan vain siltä osin kuin palvelujen järjestäminen edellyttää.</p></blockquote><p>Kommentoi ja ehdota muutoksia suoraan tekstiin.</p>'
  ),
  (
    'e5e5e5e5-0000-4000-8000-000000000010', 'page', 'Työvoimapoliittisen lausunnon perustelumallit', 'fi',
    'c0c0c0c0-0000-4000-8000-000000000006', 'e0e0e0e0-0000-4000-8000-000000000012', 'in_review',
    'a1a1a1a1-0000-4000-8000-000000000002', now() - interval '12 days',
    '<h2>Käyttö</h2><p>Perustelumallit on koottu lausuntojen otantatarkastuksen havainnoista. Mallia muokataan aina yksittäistapauksen tosiasioiden mukaan: pelkkä mallin kopioiminen ei ole perustelu.</p><h2>Mallit</h2><table><thead><tr><th>Tilanne</th><th>Perustelun ydin</th></tr></thead><tbody><tr><td>Työtarjouksesta kieltäytyminen</td><td>Mikä työ tarjottiin ja milloin, miten työnhakija vastasi ja miksi hänen esittämänsä syy ei ole pätevä.</td></tr><tr><td>Työnhakuvelvollisuuden laiminlyönti</td><td>Mitä työllistymissuunnitelmassa sovittiin, mitä jäi tekemättä ja miten työnhakijaa muistutettiin.</td></tr><tr><td>Päätoiminen opiskelu</td><td>Opintojen laajuus ja kesto sekä työnhakijan oma selvitys.</td></tr></tbody></table><p>Juridisen sparrausverkoston jäsenet voivat kommentoida malleja ennen niiden hyväksymistä.</p>'
  )
) as doc (id, kind, title, language, owner, network, status, created_by, created_at, html);

-- The first meeting's minutes, as create_minutes_document would have made them.
insert into public.documents (
  id, kind, title, language, owner_organisation_id, network_id, status, created_by, created_at,
  updated_at, html, text
)
select 'e5e5e5e5-0000-4000-8000-000000000011', 'page',
  meeting.title || ' – ' || to_char(meeting.starts_at at time zone 'Europe/Helsinki', 'DD.MM.YYYY'),
  'fi', 'c0c0c0c0-0000-4000-8000-000000000006', meeting.network_id, 'draft', meeting.created_by,
  meeting.ends_at + interval '1 hour', meeting.ends_at + interval '1 hour', meeting.minutes_html,
  btrim(regexp_replace(regexp_replace(meeting.minutes_html, '<[^>]+>', ' ', 'g'), '\s+', ' ', 'g'))
from public.meetings as meeting
where meeting.id = 'e3e3e3e3-0000-4000-8000-000000000001';

update public.meetings
set minutes_document_id = 'e5e5e5e5-0000-4000-8000-000000000011'
where id = 'e3e3e3e3-0000-4000-8000-000000000001';

insert into public.document_permissions (document_id, user_id, organisation_id, network_id, level, granted_by, granted_at) values
  ('e5e5e5e5-0000-4000-8000-000000000001', null, 'c0c0c0c0-0000-4000-8000-000000000002', null, 'comment',
   'a1a1a1a1-0000-4000-8000-000000000004', now() - interval '30 days'),
  ('e5e5e5e5-0000-4000-8000-000000000009', 'a1a1a1a1-0000-4000-8000-000000000001', null, null, 'edit',
   'a1a1a1a1-0000-4000-8000-000000000004', now() - interval '5 days'),
  ('e5e5e5e5-0000-4000-8000-000000000009', 'a1a1a1a1-0000-4000-8000-000000000009', null, null, 'view',
   'a1a1a1a1-0000-4000-8000-000000000004', now() - interval '4 days'),
  ('e5e5e5e5-0000-4000-8000-000000000010', null, null, 'e0e0e0e0-0000-4000-8000-000000000010', 'comment',
   'a1a1a1a1-0000-4000-8000-000000000002', now() - interval '10 days'),
  ('e5e5e5e5-0000-4000-8000-000000000010', 'a1a1a1a1-0000-4000-8000-000000000001', null, null, 'edit',
   'a1a1a1a1-0000-4000-8000-000000000002', now() - interval '12 days');

-- Publishing -----------------------------------------------------------------------------------
--
-- The two editorial boards (their rows and own-network scopes were made by the networks trigger)
-- take on document kinds: the unemployment-security manual's board the guidance, interpretations
-- and manuals; the e-services board system instructions, disruption notices and good practices.
-- Both keep the default quorum: two approvals from two organisations.
--
-- The published demo documents went through the workflow: a frozen version (e7e7e7e7-…), a
-- submission (e8e8e8e8-…) approved by two board members from different organisations, and a
-- published version (e6e6e6e6-…). The interpretation of the labour-policy conditions is at
-- version 2, so "what changed" has something to show. A Finnish guide on the initial interview
-- (a new document) has the Swedish handledning as its translation; the guide is at version 2 and
-- the translation still translates version 1, so it shows as outdated. Reviews: the legal
-- interpretation's is overdue, the checklist's falls due within 30 days. Under way: the reasoning
-- models (submitted by Aino, approved by Liisa, waiting for Kalle) and the integration plan
-- (approved by Kalle and Liisa, waiting to be published). Feedback (e9e9e9e9-…): one new, one
-- answered. One comment round (eaeaeaea-…) on the service-need assessment, open for ten more
-- days, has Helsinki's response and waits for the legal-sparring network's.

insert into public.editorial_board_scopes (board_id, document_kind) values
  ('e0e0e0e0-0000-4000-8000-000000000012', 'guidance'),
  ('e0e0e0e0-0000-4000-8000-000000000012', 'interpretation'),
  ('e0e0e0e0-0000-4000-8000-000000000012', 'manual'),
  ('e0e0e0e0-0000-4000-8000-000000000013', 'system_instruction'),
  ('e0e0e0e0-0000-4000-8000-000000000013', 'disruption_notice'),
  ('e0e0e0e0-0000-4000-8000-000000000013', 'good_practice');

-- The Finnish original of the Swedish guide on the initial interview (e5e5e5e5-…05).
insert into public.documents (
  id, kind, title, language, owner_organisation_id, network_id, status, created_by, created_at,
  updated_at, html, text
)
select doc.id, 'guidance', doc.title, 'fi', 'c0c0c0c0-0000-4000-8000-000000000002',
  'e0e0e0e0-0000-4000-8000-000000000005', 'published', 'a1a1a1a1-0000-4000-8000-000000000009',
  now() - interval '70 days', now() - interval '70 days', doc.html, pg_temp.seed_plain_text(doc.html)
from (values (
  'e5e5e5e5-0000-4000-8000-000000000012'::uuid,
  'Ohje: työnhakijan alkuhaastattelu',
  '<h2>Alkuhaastattelun tarkoitus</h2><p>Alkuhaastattelu järjestetään viiden arkipäivän kuluessa siitä, kun henkilö on ilmoittautunut työnhakijaksi. Haastattelussa selvitetään työnhakijan tilanne ja palvelutarve ja sovitaan, miten yhteydenpito jatkuu.</p><h2>Ennen haastattelua</h2><ul><li>Lue tiedot, jotka työnhakija on antanut asiointipalvelussa.</li><li>Tarkista, tarvitseeko hän tulkkia tai palvelua ruotsiksi.</li><li>Tarkista, onko työnhakijalla voimassa olevia palveluja tai aiempi työllistymissuunnitelma.</li><li>Varaa riittävästi aikaa: alkuhaastattelu kestää usein tunnin.</li></ul><h2>Haastattelussa</h2><ol><li>Kerro oikeuksista ja velvollisuuksista, erityisesti työnhakuvelvollisuudesta.</li><li>Arvioi palvelutarve ja kirjaa perustelut.</li><li>Laadi työllistymissuunnitelma yhdessä työnhakijan kanssa.</li><li>Sovi seuraavan työnhakukeskustelun ajankohta.</li></ol><blockquote><p>Alle 30-vuotiaat ohjataan tarvittaessa Ohjaamoon.</p></blockquote>'
)) as doc (id, title, html);

-- Frozen versions: what was submitted. An earlier version's text is the document's before the
-- change its next version made.
insert into public.document_versions (id, document_id, number, kind, content, text, html, created_by, created_at)
select version.id::uuid, doc.id, version.number, 'frozen', '{}', pg_temp.seed_plain_text(frozen.html),
  frozen.html, version.created_by::uuid, now() - version.age
from (values
  ('e7e7e7e7-0000-4000-8000-000000000001', 'e5e5e5e5-0000-4000-8000-000000000002', 1, true, 'a1a1a1a1-0000-4000-8000-000000000001', interval '50 days'),
  ('e7e7e7e7-0000-4000-8000-000000000002', 'e5e5e5e5-0000-4000-8000-000000000002', 2, false, 'a1a1a1a1-0000-4000-8000-000000000001', interval '10 days'),
  ('e7e7e7e7-0000-4000-8000-000000000003', 'e5e5e5e5-0000-4000-8000-000000000004', 1, false, 'a1a1a1a1-0000-4000-8000-000000000002', interval '40 hours'),
  ('e7e7e7e7-0000-4000-8000-000000000004', 'e5e5e5e5-0000-4000-8000-000000000005', 1, false, 'a1a1a1a1-0000-4000-8000-000000000009', interval '44 days'),
  ('e7e7e7e7-0000-4000-8000-000000000005', 'e5e5e5e5-0000-4000-8000-000000000007', 1, false, 'a1a1a1a1-0000-4000-8000-000000000001', interval '22 days'),
  ('e7e7e7e7-0000-4000-8000-000000000006', 'e5e5e5e5-0000-4000-8000-000000000008', 1, false, 'a1a1a1a1-0000-4000-8000-000000000001', interval '27 days'),
  ('e7e7e7e7-0000-4000-8000-000000000007', 'e5e5e5e5-0000-4000-8000-000000000012', 1, true, 'a1a1a1a1-0000-4000-8000-000000000009', interval '65 days'),
  ('e7e7e7e7-0000-4000-8000-000000000008', 'e5e5e5e5-0000-4000-8000-000000000012', 2, false, 'a1a1a1a1-0000-4000-8000-000000000009', interval '9 days'),
  ('e7e7e7e7-0000-4000-8000-000000000009', 'e5e5e5e5-0000-4000-8000-000000000010', 1, false, 'a1a1a1a1-0000-4000-8000-000000000001', interval '3 days'),
  ('e7e7e7e7-0000-4000-8000-000000000010', 'e5e5e5e5-0000-4000-8000-000000000003', 1, false, 'a1a1a1a1-0000-4000-8000-000000000009', interval '6 days'),
  ('e7e7e7e7-0000-4000-8000-000000000011', 'e5e5e5e5-0000-4000-8000-000000000001', 1, false, 'a1a1a1a1-0000-4000-8000-000000000004', interval '3 days')
) as version (id, document_id, number, earlier, created_by, age)
join public.documents as doc on doc.id = version.document_id::uuid
cross join lateral (
  select case when version.earlier then
    replace(replace(replace(doc.html,
      ' ja kirjaa perustelut sekä sovelletut säännökset.', ' ja kirjaa perustelut.'),
      ' Otantatarkastuksessa puutteita löytyi eniten juuri perusteluista.', ''),
      '<li>Tarkista, onko työnhakijalla voimassa olevia palveluja tai aiempi työllistymissuunnitelma.</li>', '')
  else doc.html end as html
) as frozen;

-- Submissions: who submitted what to which board, and how it ended.
insert into public.document_submissions (
  id, document_id, board_id, version_id, change_summary, status, approvals_required,
  organisations_required, submitted_by, submitted_at, decided_at
)
select submission.id::uuid, version.document_id, submission.board_id::uuid, version.id,
  submission.change_summary, submission.status::public.submission_status, 2, 2,
  version.created_by, version.created_at, version.created_at + submission.decided_after
from (values
  ('e8e8e8e8-0000-4000-8000-000000000001', 'e7e7e7e7-0000-4000-8000-000000000001', 'e0e0e0e0-0000-4000-8000-000000000012', 'published',
   'Ensimmäinen julkaistu versio.', interval '5 days'),
  ('e8e8e8e8-0000-4000-8000-000000000002', 'e7e7e7e7-0000-4000-8000-000000000002', 'e0e0e0e0-0000-4000-8000-000000000012', 'published',
   'Menettelyyn lisätty sovellettujen säännösten kirjaaminen ja otantatarkastuksen havainto perusteluista.', interval '2 days'),
  ('e8e8e8e8-0000-4000-8000-000000000003', 'e7e7e7e7-0000-4000-8000-000000000003', 'e0e0e0e0-0000-4000-8000-000000000013', 'published',
   'Häiriötiedote asiointipalvelun viiveestä.', interval '16 hours'),
  ('e8e8e8e8-0000-4000-8000-000000000004', 'e7e7e7e7-0000-4000-8000-000000000004', 'e0e0e0e0-0000-4000-8000-000000000012', 'published',
   'Första publicerade versionen, översättning av den finska anvisningen.', interval '4 days'),
  ('e8e8e8e8-0000-4000-8000-000000000005', 'e7e7e7e7-0000-4000-8000-000000000005', 'e0e0e0e0-0000-4000-8000-000000000012', 'published',
   'Sparrausverkostossa valmisteltu tulkintasuositus.', interval '2 days'),
  ('e8e8e8e8-0000-4000-8000-000000000006', 'e7e7e7e7-0000-4000-8000-000000000006', 'e0e0e0e0-0000-4000-8000-000000000013', 'published',
   'Vertaisverkoston kokoama muistilista.', interval '2 days'),
  ('e8e8e8e8-0000-4000-8000-000000000007', 'e7e7e7e7-0000-4000-8000-000000000007', 'e0e0e0e0-0000-4000-8000-000000000012', 'published',
   'Ensimmäinen julkaistu versio.', interval '5 days'),
  ('e8e8e8e8-0000-4000-8000-000000000008', 'e7e7e7e7-0000-4000-8000-000000000008', 'e0e0e0e0-0000-4000-8000-000000000012', 'published',
   'Valmistautumiseen lisätty voimassa olevien palvelujen ja aiemman suunnitelman tarkistaminen.', interval '3 days'),
  ('e8e8e8e8-0000-4000-8000-000000000009', 'e7e7e7e7-0000-4000-8000-000000000009', 'e0e0e0e0-0000-4000-8000-000000000012', 'in_review',
   'Mallit koottu otantatarkastuksen havainnoista; kommentit juridiselta sparrausverkostolta huomioitu.', null),
  ('e8e8e8e8-0000-4000-8000-000000000010', 'e7e7e7e7-0000-4000-8000-000000000010', 'e0e0e0e0-0000-4000-8000-000000000012', 'approved',
   'Päivitetty kotoutumislain (681/2023) mukaiseksi.', interval '2 days')
) as submission (id, version_id, board_id, status, change_summary, decided_after)
join public.document_versions as version on version.id = submission.version_id::uuid;

-- Approvals, each with the reviewer's organisation when they decided (the quorum counts these).
insert into public.document_reviews (submission_id, reviewer_id, organisation_id, decision, comment, decided_at)
select review.submission_id::uuid, review.reviewer_id::uuid,
  private.home_organisation_of(review.reviewer_id::uuid), 'approve', review.comment,
  submission.submitted_at + review.after
from (values
  ('e8e8e8e8-0000-4000-8000-000000000001', 'a1a1a1a1-0000-4000-8000-000000000003', '', interval '2 days'),
  ('e8e8e8e8-0000-4000-8000-000000000001', 'a1a1a1a1-0000-4000-8000-000000000002', '', interval '5 days'),
  ('e8e8e8e8-0000-4000-8000-000000000002', 'a1a1a1a1-0000-4000-8000-000000000003', 'Hyvä lisäys.', interval '1 day'),
  ('e8e8e8e8-0000-4000-8000-000000000002', 'a1a1a1a1-0000-4000-8000-000000000002', '', interval '2 days'),
  ('e8e8e8e8-0000-4000-8000-000000000003', 'a1a1a1a1-0000-4000-8000-000000000009', '', interval '6 hours'),
  ('e8e8e8e8-0000-4000-8000-000000000003', 'a1a1a1a1-0000-4000-8000-000000000005', '', interval '16 hours'),
  ('e8e8e8e8-0000-4000-8000-000000000004', 'a1a1a1a1-0000-4000-8000-000000000003', 'Språket är klart och begripligt.', interval '3 days'),
  ('e8e8e8e8-0000-4000-8000-000000000004', 'a1a1a1a1-0000-4000-8000-000000000002', '', interval '4 days'),
  ('e8e8e8e8-0000-4000-8000-000000000005', 'a1a1a1a1-0000-4000-8000-000000000003', '', interval '1 day'),
  ('e8e8e8e8-0000-4000-8000-000000000005', 'a1a1a1a1-0000-4000-8000-000000000002', '', interval '2 days'),
  ('e8e8e8e8-0000-4000-8000-000000000006', 'a1a1a1a1-0000-4000-8000-000000000009', 'Käytännöllinen lista.', interval '1 day'),
  ('e8e8e8e8-0000-4000-8000-000000000006', 'a1a1a1a1-0000-4000-8000-000000000005', '', interval '2 days'),
  ('e8e8e8e8-0000-4000-8000-000000000007', 'a1a1a1a1-0000-4000-8000-000000000003', '', interval '3 days'),
  ('e8e8e8e8-0000-4000-8000-000000000007', 'a1a1a1a1-0000-4000-8000-000000000002', '', interval '5 days'),
  ('e8e8e8e8-0000-4000-8000-000000000008', 'a1a1a1a1-0000-4000-8000-000000000003', '', interval '2 days'),
  ('e8e8e8e8-0000-4000-8000-000000000008', 'a1a1a1a1-0000-4000-8000-000000000002', '', interval '3 days'),
  ('e8e8e8e8-0000-4000-8000-000000000009', 'a1a1a1a1-0000-4000-8000-000000000003',
   'Juridisesti kunnossa. Päätoimisen opiskelun malliin voisi myöhemmin lisätä esimerkin.', interval '1 day'),
  ('e8e8e8e8-0000-4000-8000-000000000010', 'a1a1a1a1-0000-4000-8000-000000000003', '', interval '1 day'),
  ('e8e8e8e8-0000-4000-8000-000000000010', 'a1a1a1a1-0000-4000-8000-000000000002', '', interval '2 days')
) as review (submission_id, reviewer_id, comment, after)
join public.document_submissions as submission on submission.id = review.submission_id::uuid;

-- Published versions: the frozen content exactly as approved, with the approvals as they stood.
-- Each was published by its first approver; a translation names the source version it translates.
insert into public.published_versions (
  id, document_id, number, title, kind, language, content, html, text, change_summary, approvals,
  submission_id, owner_id, owner_name, owner_organisation_id, source_version, published_by,
  published_at
)
select published.id::uuid, doc.id, version.number, doc.title, doc.kind, doc.language,
  version.content, version.html, version.text, submission.change_summary,
  (select jsonb_agg(jsonb_build_object(
      'reviewer_id', review.reviewer_id,
      'name', private.display_name_of(review.reviewer_id),
      'organisation_id', review.organisation_id,
      'organisation_name_fi', organisation.name_fi,
      'organisation_name_sv', organisation.name_sv,
      'decided_at', review.decided_at) order by review.decided_at)
   from public.document_reviews as review
   left join public.organisations as organisation on organisation.id = review.organisation_id
   where review.submission_id = submission.id and review.decision = 'approve'),
  submission.id, doc.created_by, private.display_name_of(doc.created_by), doc.owner_organisation_id,
  published.source_version,
  (select review.reviewer_id from public.document_reviews as review
   where review.submission_id = submission.id order by review.decided_at limit 1),
  submission.decided_at + interval '1 hour'
from (values
  ('e6e6e6e6-0000-4000-8000-000000000001', 'e8e8e8e8-0000-4000-8000-000000000001', null::integer),
  ('e6e6e6e6-0000-4000-8000-000000000002', 'e8e8e8e8-0000-4000-8000-000000000002', null),
  ('e6e6e6e6-0000-4000-8000-000000000003', 'e8e8e8e8-0000-4000-8000-000000000003', null),
  ('e6e6e6e6-0000-4000-8000-000000000004', 'e8e8e8e8-0000-4000-8000-000000000004', 1),
  ('e6e6e6e6-0000-4000-8000-000000000005', 'e8e8e8e8-0000-4000-8000-000000000005', null),
  ('e6e6e6e6-0000-4000-8000-000000000006', 'e8e8e8e8-0000-4000-8000-000000000006', null),
  ('e6e6e6e6-0000-4000-8000-000000000007', 'e8e8e8e8-0000-4000-8000-000000000007', null),
  ('e6e6e6e6-0000-4000-8000-000000000008', 'e8e8e8e8-0000-4000-8000-000000000008', null)
) as published (id, submission_id, source_version)
join public.document_submissions as submission on submission.id = published.submission_id::uuid
join public.document_versions as version on version.id = submission.version_id
join public.documents as doc on doc.id = submission.document_id;

-- The documents as publishing left them: slug, owner, latest version, next review (a year after
-- publishing, except the two the dashboard shows), and the translation link. Their updated_at
-- stays the seed's: the touch trigger is off for this one statement.
alter table public.documents disable trigger documents_touch_updated_at;
update public.documents as doc
set slug = stewardship.slug,
    owner_id = doc.created_by,
    published_version = latest.number,
    published_at = latest.published_at,
    review_due = coalesce(current_date + stewardship.due_in, (latest.published_at + interval '365 days')::date),
    translation_of = stewardship.translation_of::uuid,
    updated_at = greatest(doc.updated_at, latest.published_at)
from (values
  ('e5e5e5e5-0000-4000-8000-000000000002', 'tyottomyysturvan-tyovoimapoliittiset-edellytykset', null::integer, null),
  ('e5e5e5e5-0000-4000-8000-000000000004', 'hairiotiedote-tyonhakukeskustelujen-kirjaukset-viiveella', null, null),
  ('e5e5e5e5-0000-4000-8000-000000000005', 'handledning-den-inledande-intervjun', null, 'e5e5e5e5-0000-4000-8000-000000000012'),
  ('e5e5e5e5-0000-4000-8000-000000000007', 'omaehtoisen-opiskelun-tukeminen-tyottomyysetuudella', -10, null),
  ('e5e5e5e5-0000-4000-8000-000000000008', 'tyonhakukeskustelun-muistilista', 21, null),
  ('e5e5e5e5-0000-4000-8000-000000000012', 'tyonhakijan-alkuhaastattelu', null, null)
) as stewardship (id, slug, due_in, translation_of)
cross join lateral (
  select version.number, version.published_at from public.published_versions as version
  where version.document_id = stewardship.id::uuid order by version.number desc limit 1
) as latest
where doc.id = stewardship.id::uuid;
alter table public.documents enable trigger documents_touch_updated_at;

-- Feedback from readers: Helmi's new remark on the labour-policy conditions, and Kalle's
-- suggestion to the checklist, accepted and answered by its owner Aino.
insert into public.document_feedback (id, document_id, version_number, paragraph_index, paragraph_text, problem, suggestion, author_id)
select feedback.id::uuid, feedback.document_id::uuid, feedback.version_number, feedback.paragraph_index,
  (regexp_split_to_array(version.text, E'\n\n'))[feedback.paragraph_index + 1],
  feedback.problem, feedback.suggestion, feedback.author_id::uuid
from (values
  ('e9e9e9e9-0000-4000-8000-000000000001', 'e5e5e5e5-0000-4000-8000-000000000002', 2, 8,
   'Kuulemisesta puuttuvat poikkeukset: hallintolain 34 §:n 2 momentin mukaan asian voi tietyissä tilanteissa ratkaista kuulematta.',
   'Lisätään kohtaan maininta kuulemisen poikkeuksista ja kehotus kirjata, miksi kuulematta jättäminen oli perusteltua.',
   'a1a1a1a1-0000-4000-8000-000000000009'),
  ('e9e9e9e9-0000-4000-8000-000000000002', 'e5e5e5e5-0000-4000-8000-000000000008', 1, 5,
   'Keskustelussa olisi hyvä käydä läpi myös työnhakijan osaamisen kehittämisen tarpeet, ei vain haetut työpaikat.',
   'Lisätään kohta: ”Kysy, tarvitseeko työnhakija koulutusta tai muuta osaamisen kehittämistä.”',
   'a1a1a1a1-0000-4000-8000-000000000002')
) as feedback (id, document_id, version_number, paragraph_index, problem, suggestion, author_id)
join public.published_versions as version
  on version.document_id = feedback.document_id::uuid and version.number = feedback.version_number;

update public.document_feedback
set created_at = case id
      when 'e9e9e9e9-0000-4000-8000-000000000001' then now() - interval '2 days'
      else now() - interval '12 days' end
where id::text like 'e9e9e9e9-0000-4000-8000-%';

update public.document_feedback
set status = 'accepted',
    reply = 'Kiitos hyvästä ehdotuksesta! Lisäämme kohdan muistilistan seuraavaan versioon.',
    replied_by = 'a1a1a1a1-0000-4000-8000-000000000001', replied_at = now() - interval '9 days'
where id = 'e9e9e9e9-0000-4000-8000-000000000002';

-- A comment round on Tampere's service-need assessment, inviting Helsinki and the legal-sparring
-- network. Helmi answered for Helsinki; Olli has already handled her general comment.
insert into public.comment_rounds (
  id, document_id, version_id, title, instructions, document_title, html, text, deadline,
  opened_by, opened_at
)
select 'eaeaeaea-0000-4000-8000-000000000001', doc.id, version.id,
  'Lausuntopyyntö: palvelutarpeen arvioinnin ohje',
  'Pyydämme lausuntoa erityisesti tuen tarpeen taulukosta ja arvioinnin vaiheista. Kommentoi tarvittaessa suoraan kappaleisiin.',
  doc.title, version.html, version.text,
  ((current_date + 10) + time '16:00') at time zone 'Europe/Helsinki',
  'a1a1a1a1-0000-4000-8000-000000000004', version.created_at
from public.documents as doc
join public.document_versions as version on version.id = 'e7e7e7e7-0000-4000-8000-000000000011'
where doc.id = 'e5e5e5e5-0000-4000-8000-000000000001';

insert into public.comment_round_invitees (id, round_id, organisation_id, network_id) values
  ('ebebebeb-0000-4000-8000-000000000001', 'eaeaeaea-0000-4000-8000-000000000001', 'c0c0c0c0-0000-4000-8000-000000000002', null),
  ('ebebebeb-0000-4000-8000-000000000002', 'eaeaeaea-0000-4000-8000-000000000001', null, 'e0e0e0e0-0000-4000-8000-000000000010');

insert into public.comment_round_responses (id, round_id, invitee_id, responder_id, submitted_at) values
  ('ecececec-0000-4000-8000-000000000001', 'eaeaeaea-0000-4000-8000-000000000001',
   'ebebebeb-0000-4000-8000-000000000001', 'a1a1a1a1-0000-4000-8000-000000000009', now() - interval '1 day');

insert into public.comment_round_items (
  id, response_id, position, paragraph_index, paragraph_text, comment, handling, handling_note,
  handled_by, handled_at
)
select item.id::uuid, 'ecececec-0000-4000-8000-000000000001', item.position, item.paragraph_index,
  (regexp_split_to_array(round.text, E'\n\n'))[item.paragraph_index + 1], item.comment,
  item.handling::public.round_item_handling, item.note, item.handled_by::uuid,
  case when item.handled_by is not null then now() - interval '2 hours' end
from (values
  ('edededed-0000-4000-8000-000000000001', 0, null::integer,
   'Ohje on selkeä ja yhtenäistää käytäntöjä hyvin. Toivomme tuen tarpeen taulukon alle esimerkin monialaisen tuen tilanteesta.',
   'accepted', 'Esimerkki lisätään taulukon alle ennen hyväksyntää.', 'a1a1a1a1-0000-4000-8000-000000000004'),
  ('edededed-0000-4000-8000-000000000002', 1, 4,
   'Esteisiin kannattaa lisätä myös asumisen ja talouden tilanne: ne näkyvät Helsingissä usein työnhaun taustalla.',
   'pending', null, null)
) as item (id, position, paragraph_index, comment, handling, note, handled_by)
cross join public.comment_rounds as round
where round.id = 'eaeaeaea-0000-4000-8000-000000000001';

-- What the workflow's functions would have recorded and sent for all of the above (the seed has no
-- signed-in user, so it writes them itself, each dated by its event).
insert into public.audit_log (actor_id, action, target_type, target_id, organisation_id, at, details)
select event.actor, event.action, 'document', doc.id::text, doc.owner_organisation_id, event.at, event.details
from public.document_submissions as submission
join public.documents as doc on doc.id = submission.document_id
cross join lateral (
  select submission.submitted_by as actor, 'document.submit' as action, submission.submitted_at as at,
    jsonb_build_object('submission_id', submission.id, 'board_id', submission.board_id) as details
  union all
  select review.reviewer_id, 'document.approve', review.decided_at,
    jsonb_build_object('submission_id', submission.id,
      'outcome', case when review.decided_at = submission.decided_at then 'approved' else 'in_review' end)
  from public.document_reviews as review where review.submission_id = submission.id
  union all
  select version.published_by, 'document.publish', version.published_at,
    jsonb_build_object('submission_id', submission.id, 'version', version.number)
  from public.published_versions as version where version.submission_id = submission.id
) as event
where submission.id::text like 'e8e8e8e8-0000-4000-8000-%'
order by event.at;

insert into public.audit_log (actor_id, action, target_type, target_id, organisation_id, at, details) values
  ('a1a1a1a1-0000-4000-8000-000000000004', 'comment_round.open', 'document', 'e5e5e5e5-0000-4000-8000-000000000001',
   'c0c0c0c0-0000-4000-8000-000000000001', now() - interval '3 days',
   jsonb_build_object('round_id', 'eaeaeaea-0000-4000-8000-000000000001')),
  ('a1a1a1a1-0000-4000-8000-000000000009', 'comment_round.respond', 'comment_round', 'eaeaeaea-0000-4000-8000-000000000001',
   null, now() - interval '1 day', jsonb_build_object('invitee_id', 'ebebebeb-0000-4000-8000-000000000001')),
  ('a1a1a1a1-0000-4000-8000-000000000001', 'feedback.answer', 'document', 'e5e5e5e5-0000-4000-8000-000000000008',
   'c0c0c0c0-0000-4000-8000-000000000001', now() - interval '9 days',
   jsonb_build_object('feedback_id', 'e9e9e9e9-0000-4000-8000-000000000002', 'status', 'accepted'));

-- The feedback trigger notified the owners; date those by the feedback.
update public.notifications as notification
set actor_id = feedback.author_id, created_at = feedback.created_at + interval '1 minute'
from public.document_feedback as feedback
where notification.kind = 'feedback_received'
  and notification.link = '/editorial/feedback/' || feedback.id::text;

insert into public.notifications (recipient_id, kind, network_id, actor_id, link, data, created_at)
select event.recipient, event.kind, event.network_id, event.actor, event.link,
  jsonb_build_object('actor_name', private.display_name_of(event.actor)) || event.data, event.at
from (
  -- Submissions to the boards' members (not the submitter).
  select member.user_id as recipient, 'review_requested' as kind, submission.board_id as network_id,
    submission.submitted_by as actor, '/documents/' || doc.id || '/publishing' as link,
    jsonb_build_object('title', doc.title, 'excerpt', left(submission.change_summary, 200)) as data,
    submission.submitted_at as at
  from public.document_submissions as submission
  join public.documents as doc on doc.id = submission.document_id
  join public.network_members as member on member.network_id = submission.board_id
    and member.role in ('coordinator', 'member') and member.user_id <> submission.submitted_by
  where submission.id::text like 'e8e8e8e8-0000-4000-8000-%'
    and submission.submitted_at > now() - interval '30 days'
  union all
  -- The approval that reached the quorum, to the submitter.
  select submission.submitted_by, 'review_decided', null, review.reviewer_id,
    '/documents/' || doc.id || '/publishing',
    jsonb_build_object('title', doc.title, 'status', 'approved', 'excerpt', review.comment),
    review.decided_at
  from public.document_submissions as submission
  join public.documents as doc on doc.id = submission.document_id
  join public.document_reviews as review on review.submission_id = submission.id
    and review.decided_at = submission.decided_at
  where submission.id::text like 'e8e8e8e8-0000-4000-8000-%'
    and submission.submitted_at > now() - interval '30 days'
  union all
  -- Publications, to the submitter.
  select submission.submitted_by, 'document_published', null, version.published_by,
    '/library/' || doc.slug, jsonb_build_object('title', doc.title, 'status', version.number::text),
    version.published_at
  from public.published_versions as version
  join public.document_submissions as submission on submission.id = version.submission_id
  join public.documents as doc on doc.id = version.document_id
  where version.published_at > now() - interval '30 days'
  union all
  -- The Finnish guide's version 2 left its Swedish translation behind.
  select translation.owner_id, 'translation_outdated', null, version.published_by,
    '/documents/' || translation.id || '/publishing', jsonb_build_object('title', translation.title),
    version.published_at
  from public.published_versions as version
  join public.documents as translation on translation.translation_of = version.document_id
  where version.id = 'e6e6e6e6-0000-4000-8000-000000000008'
  union all
  -- Kalle's feedback answered.
  select feedback.author_id, 'feedback_answered', null, feedback.replied_by,
    '/library/' || doc.slug || '/feedback',
    jsonb_build_object('title', doc.title, 'status', feedback.status::text, 'excerpt', feedback.reply),
    feedback.replied_at
  from public.document_feedback as feedback
  join public.documents as doc on doc.id = feedback.document_id
  where feedback.reply is not null
  union all
  -- The comment round's invitation, to the invited network's coordinators (Helsinki has no admin).
  select member.user_id, 'comment_round_invited', null, round.opened_by, '/rounds/' || round.id,
    jsonb_build_object('title', round.title, 'status', round.deadline::text), round.opened_at
  from public.comment_rounds as round
  join public.comment_round_invitees as invitee on invitee.round_id = round.id
  join public.network_members as member on member.network_id = invitee.network_id
    and member.role = 'coordinator'
) as event
where event.recipient is not null and event.recipient is distinct from event.actor;

-- The daily job's reminders: the overdue review and the one falling due within 30 days.
select public.send_document_review_reminders(current_date);
update public.notifications set created_at = now() - interval '5 hours' where kind = 'document_review_due';

update public.notifications
set read_at = created_at + interval '3 hours'
where created_at < now() - interval '4 days' and read_at is null
  and kind in ('review_requested', 'review_decided', 'document_published', 'translation_outdated',
    'feedback_received', 'feedback_answered', 'comment_round_invited');

-- Legal sparring ------------------------------------------------------------------------------
--
-- The two sparring networks at work: Liisa (Kuntaliitto) and Helmi (Helsinki) are the lawyers of
-- the legal-sparring network, which answers within five working days; Liisa alone is the lawyer
-- of the closed unemployment-security sparring, which answers within three. Questions (ids
-- f1f1f1f1-…) were asked over the last two months by Aino, Helmi and Kalle; answers (f2f2f2f2-…)
-- come from the lawyers and from colleagues. In the legal-sparring network two questions wait for
-- their first answer (one is overdue and its coordinators have been told, one was asked today),
-- four are answered and three resolved. Two accepted answers became interpretations (documents
-- f3f3f3f3-…, frozen versions f4f4f4f4-…, submissions f5f5f5f5-…, published versions f6f6f6f6-…)
-- on what counts as a public employment service (380/2023 2 §); the newer supersedes the older.
-- Guidance of KEHA, Helsinki and Tampere refers to the same section, so the divergence view has
-- several organisations side by side. Everything is written as the migration owner, so the
-- triggers derive what they would (answer text, frozen legal fields, publication snapshots) and
-- the rest — who acted, when, what they were told — is written here, dated by its event.

-- "380/2023 2 §" as an id: the data migration's formula.
create function pg_temp.seed_section(act text, chapter text, section text) returns uuid
language sql immutable
as $$
  select md5(act || ':' || coalesce(chapter, '') || ':' || section)::uuid
$$;

insert into public.sparring_lawyers (network_id, user_id, added_by, added_at) values
  ('e0e0e0e0-0000-4000-8000-000000000010', 'a1a1a1a1-0000-4000-8000-000000000003',
   'a1a1a1a1-0000-4000-8000-000000000003', now() - interval '300 days'),
  ('e0e0e0e0-0000-4000-8000-000000000010', 'a1a1a1a1-0000-4000-8000-000000000009',
   'a1a1a1a1-0000-4000-8000-000000000003', now() - interval '215 days'),
  ('e0e0e0e0-0000-4000-8000-000000000011', 'a1a1a1a1-0000-4000-8000-000000000003',
   'a1a1a1a1-0000-4000-8000-000000000003', now() - interval '180 days');

insert into public.sparring_settings (network_id, first_answer_working_days, updated_by, updated_at) values
  ('e0e0e0e0-0000-4000-8000-000000000010', 5, 'a1a1a1a1-0000-4000-8000-000000000003', now() - interval '300 days'),
  ('e0e0e0e0-0000-4000-8000-000000000011', 3, 'a1a1a1a1-0000-4000-8000-000000000003', now() - interval '180 days');

-- Each question is due its network's target in working days after it was asked.
insert into public.sparring_questions (
  id, network_id, title, body, tags, author_id, organisation_id, due_at, created_at, updated_at
)
select question.id::uuid, question.network::uuid, question.title, question.body, question.tags,
  question.author::uuid, private.home_organisation_of(question.author::uuid),
  private.add_working_days(now() - question.age, private.sparring_target_days(question.network::uuid)),
  now() - question.age, now() - question.age
from (values
  (
    'f1f1f1f1-0000-4000-8000-000000000001', 'e0e0e0e0-0000-4000-8000-000000000010',
    'Kunnan omarahoitteinen valmennus: julkinen työvoimapalvelu vai kunnan muu palvelu?',
    'Työllisyysalueemme kunnat rahoittavat omilla varoillaan ryhmävalmennusta, jonka järjestöt toteuttavat ostopalveluna. Osa osallistujista on työnhakijoita, osa ei. Onko valmennus lain 380/2023 2 §:ssä tarkoitettu julkinen työvoimapalvelu, jolloin siihen ohjaamisesta tehdään hallintopäätös ja menettelyyn sovelletaan hallintolakia, vai voiko sitä pitää kunnan yleisenä elinvoimapalveluna?',
    '{omarahoitteiset palvelut,ostopalvelut,hallintopäätös}'::text[],
    'a1a1a1a1-0000-4000-8000-000000000001', interval '58 days'
  ),
  (
    'f1f1f1f1-0000-4000-8000-000000000002', 'e0e0e0e0-0000-4000-8000-000000000010',
    'Ostopalveluna hankittu valmennus, jota ei ole kirjattu työllistymissuunnitelmaan',
    'Sparrausverkoston tulkintasuosituksen mukaan kunnan omarahoitteinen valmennus on julkinen työvoimapalvelu, kun siitä sovitaan työllistymissuunnitelmassa. Miten tilanne arvioidaan, jos työnhakija on ohjattu valmennukseen ilman suunnitelmaa, esimerkiksi palvelutarpeen arvioinnin yhteydessä? Koskeeko linjaus myös henkilöitä, jotka eivät ole lain 3 §:n määritelmän mukaisia työnhakijoita?',
    '{ostopalvelut,työllistymissuunnitelma,määritelmät}',
    'a1a1a1a1-0000-4000-8000-000000000002', interval '30 days'
  ),
  (
    'f1f1f1f1-0000-4000-8000-000000000003', 'e0e0e0e0-0000-4000-8000-000000000010',
    'Lyhyestä keikkatyöstä kieltäytyminen kesken työkokeilun',
    'Työnhakija kieltäytyi kahden päivän keikkatyöstä, koska työ olisi keskeyttänyt hänen aloittamansa työkokeilun. Onko työkokeilu pätevä syy kieltäytyä lyhyestä työstä, vai onko kieltäytyminen työvoimapoliittisesti moitittavaa?',
    '{työstä kieltäytyminen,työkokeilu}',
    'a1a1a1a1-0000-4000-8000-000000000009', interval '45 days'
  ),
  (
    'f1f1f1f1-0000-4000-8000-000000000004', 'e0e0e0e0-0000-4000-8000-000000000010',
    'Kuuleminen ennen työvoimapoliittista lausuntoa, kun työnhakija ei vastaa',
    'Lähetämme kuulemispyynnön asiointipalveluun ja annamme viikon vastausajan. Jos työnhakija ei vastaa, voidaanko lausunto antaa heti määräajan jälkeen, vai pitääkö hänet yrittää tavoittaa vielä muulla tavalla?',
    '{kuuleminen,lausunnot}',
    'a1a1a1a1-0000-4000-8000-000000000001', interval '33 days'
  ),
  (
    'f1f1f1f1-0000-4000-8000-000000000005', 'e0e0e0e0-0000-4000-8000-000000000010',
    'Lausunnon perustelut ja asiakastietojärjestelmän fraasipankki',
    'Asiakastietojärjestelmän fraasipankissa on valmiita perusteluja. Riittääkö hallintolain 45 §:n kannalta, että lausunnossa on fraasi ja viittaus säännökseen, vai pitääkö ratkaisuun vaikuttaneet tosiasiat kirjoittaa aina auki?',
    '{perusteleminen,lausunnot,fraasipankki}',
    'a1a1a1a1-0000-4000-8000-000000000002', interval '22 days'
  ),
  (
    'f1f1f1f1-0000-4000-8000-000000000006', 'e0e0e0e0-0000-4000-8000-000000000010',
    'Työmatka-ajan arviointi, kun työpaikalle ei kulje julkista liikennettä',
    'Työnhakija erosi työstä, koska hänellä ei ole autoa eikä työpaikalle kulje julkista liikennettä aamuvuoron alkuun mennessä. Arvioidaanko työmatka-aika julkisten kulkuneuvojen mukaan, vaikka yhteyttä ei ole lainkaan siihen aikaan?',
    '{työstä eroaminen,työmatka}',
    'a1a1a1a1-0000-4000-8000-000000000009', interval '12 days'
  ),
  (
    'f1f1f1f1-0000-4000-8000-000000000007', 'e0e0e0e0-0000-4000-8000-000000000010',
    'Virheellisen lausunnon korjaaminen asiavirheenä',
    'Huomasimme, että työvoimapoliittisessa lausunnossa oli sovellettu väärää säännöstä, ja etuuden maksaja on jo evännyt etuuden. Voiko työllisyysalue korjata lausunnon itse asiavirheen korjaamisena, ja tarvitaanko siihen työnhakijan suostumus?',
    '{virheen korjaaminen,lausunnot}',
    'a1a1a1a1-0000-4000-8000-000000000001', interval '8 days'
  ),
  (
    'f1f1f1f1-0000-4000-8000-000000000008', 'e0e0e0e0-0000-4000-8000-000000000010',
    'Osa-aikaisesti lomautetun työllistymissuunnitelma ja työnhakuvelvollisuus',
    'Osa-aikaisesti lomautettu ilmoittautui työnhakijaksi. Pitääkö hänelle laatia työllistymissuunnitelma ja asettaa työnhakuvelvollisuus samoin kuin kokonaan työttömälle, vai riittääkö kevyempi menettely? Käytännöt vaihtelevat työllisyysalueemme kunnissa.',
    '{lomautus,työnhakuvelvollisuus}',
    'a1a1a1a1-0000-4000-8000-000000000001', interval '14 days'
  ),
  (
    'f1f1f1f1-0000-4000-8000-000000000009', 'e0e0e0e0-0000-4000-8000-000000000010',
    'Neuvontavelvollisuus, kun asiakas kysyy Kelan ratkaistavasta asiasta',
    'Asiakkaat kysyvät työnhakukeskusteluissa usein, vaikuttaako sivutyö heidän työmarkkinatukeensa. Kuinka pitkälle työllisyysalueen neuvontavelvollisuus ulottuu, kun etuuden ratkaisee Kela? Riittääkö, että ohjaamme asiakkaan Kelan palveluun?',
    '{neuvonta,kela}',
    'a1a1a1a1-0000-4000-8000-000000000009', interval '5 hours'
  ),
  (
    'f1f1f1f1-0000-4000-8000-000000000010', 'e0e0e0e0-0000-4000-8000-000000000011',
    'Työsopimuksen purku koeajalla työntekijän menettelyn vuoksi',
    'Työnantaja purki työsopimuksen koeajalla ja ilmoitti syyksi toistuvat myöhästymiset. Arvioidaanko tilanne työstä erottamisena, josta seuraa korvaukseton määräaika, vai onko koeaikapurku aina neutraali?',
    '{koeaika,työstä erottaminen}',
    'a1a1a1a1-0000-4000-8000-000000000001', interval '40 days'
  ),
  (
    'f1f1f1f1-0000-4000-8000-000000000011', 'e0e0e0e0-0000-4000-8000-000000000011',
    'Koulutusta vailla olevan nuoren opinnot keskeytyivät terveydellisistä syistä',
    'Nuori ilman ammatillista koulutusta aloitti opinnot mutta keskeytti ne terveydellisistä syistä kahden kuukauden kuluttua. Palautuuko oikeus työttömyysetuuteen, vai pitääkö hänen täyttää 16 §:ssä säädetyt edellytykset muulla tavalla?',
    '{nuoret,koulutusvelvoite}',
    'a1a1a1a1-0000-4000-8000-000000000001', interval '6 days'
  )
) as question (id, network, title, body, tags, author, age);

insert into public.sparring_question_sections (question_id, section_id)
select reference.question_id::uuid, legal.id
from (values
  ('f1f1f1f1-0000-4000-8000-000000000001', '380/2023', null, '2'),
  ('f1f1f1f1-0000-4000-8000-000000000001', '434/2003', null, '2'),
  ('f1f1f1f1-0000-4000-8000-000000000002', '380/2023', null, '2'),
  ('f1f1f1f1-0000-4000-8000-000000000002', '380/2023', null, '3'),
  ('f1f1f1f1-0000-4000-8000-000000000003', '1290/2002', '2 a', '4'),
  ('f1f1f1f1-0000-4000-8000-000000000004', '434/2003', null, '34'),
  ('f1f1f1f1-0000-4000-8000-000000000005', '434/2003', null, '45'),
  ('f1f1f1f1-0000-4000-8000-000000000006', '1290/2002', '2 a', '3'),
  ('f1f1f1f1-0000-4000-8000-000000000007', '434/2003', null, '50'),
  ('f1f1f1f1-0000-4000-8000-000000000008', '380/2023', null, '3'),
  ('f1f1f1f1-0000-4000-8000-000000000008', '1290/2002', '2', '1'),
  ('f1f1f1f1-0000-4000-8000-000000000009', '434/2003', null, '8'),
  ('f1f1f1f1-0000-4000-8000-000000000010', '1290/2002', '2 a', '1'),
  ('f1f1f1f1-0000-4000-8000-000000000011', '1290/2002', '2', '16')
) as reference (question_id, act, chapter, section)
join public.legal_sections as legal
  on legal.id = pg_temp.seed_section(reference.act, reference.chapter, reference.section);

insert into public.sparring_answers (id, question_id, author_id, organisation_id, body_html, created_at, updated_at)
select answer.id::uuid, answer.question_id::uuid, answer.author::uuid,
  private.home_organisation_of(answer.author::uuid), answer.body_html, now() - answer.age, now() - answer.age
from (values
  (
    'f2f2f2f2-0000-4000-8000-000000000001', 'f1f1f1f1-0000-4000-8000-000000000001',
    'a1a1a1a1-0000-4000-8000-000000000009', interval '56 days',
    '<p>Ratkaisevaa on palvelun sisältö ja tarkoitus, ei sen rahoituslähde. Kun valmennusta tarjotaan työnhakijalle hänen työllistymisensä edistämiseksi ja siitä sovitaan työllistymissuunnitelmassa, se on <strong>julkinen työvoimapalvelu</strong>. Silloin palveluun ohjaamisesta ja sen epäämisestä tehdään hallintopäätös, ja menettelyyn sovelletaan hallintolakia.</p><p>Jos kunta järjestää valmennusta kaikille asukkailleen ilman yhteyttä työnhakuun, kyse on kunnan yleisestä palvelusta.</p><ul><li>Kirjatkaa ostopalvelusopimukseen, kumpaa palvelua hankitaan.</li><li>Kertokaa asiakkaalle, onko osallistuminen osa hänen työllistymissuunnitelmaansa.</li></ul>'
  ),
  (
    'f2f2f2f2-0000-4000-8000-000000000002', 'f1f1f1f1-0000-4000-8000-000000000001',
    'a1a1a1a1-0000-4000-8000-000000000002', interval '55 days',
    '<p>Samaa on kysytty KEHA-keskuksen ohjauspäivillä. Ohjauksessa on korostettu, ettei palvelun nimi ratkaise, vaan se, tarjotaanko palvelua työnhakijalle osana hänen palveluprosessiaan.</p>'
  ),
  (
    'f2f2f2f2-0000-4000-8000-000000000003', 'f1f1f1f1-0000-4000-8000-000000000002',
    'a1a1a1a1-0000-4000-8000-000000000003', interval '28 days',
    '<p>Tarkennamme aiempaa tulkintaa. Palvelu on julkinen työvoimapalvelu, kun se sisällöltään vastaa lain 2 §:ssä tarkoitettua palvelua ja sitä tarjotaan työnhakijana olevalle asiakkaalle, <strong>riippumatta siitä, onko palvelu jo kirjattu työllistymissuunnitelmaan</strong>. Suunnitelmaan kirjaaminen on työllisyysalueen velvollisuus, ei palvelun luonteen edellytys.</p><p>Henkilöille, jotka eivät ole lain 3 §:n määritelmän mukaisia työnhakijoita, samaa palvelua voidaan tarjota kunnan yleisenä palveluna. Silloin hallintopäätöstä ei tehdä, mutta hyvän hallinnon perusteita noudatetaan.</p><ul><li>Arvioikaa palvelun luonne asiakkaan aseman mukaan.</li><li>Päivittäkää ohjeet ja ostopalvelusopimukset vastaamaan linjausta.</li></ul>'
  ),
  (
    'f2f2f2f2-0000-4000-8000-000000000004', 'f1f1f1f1-0000-4000-8000-000000000003',
    'a1a1a1a1-0000-4000-8000-000000000003', interval '43 days',
    '<p>Työkokeilu on työllistymistä edistävä palvelu, ja sen keskeyttäminen lyhyen työn vuoksi voi vaarantaa sovitun palvelupolun. Lyhyestä keikkatyöstä kieltäytymistä ei pääsääntöisesti pidetä moitittavana, jos työn vastaanottaminen olisi edellyttänyt työkokeilun keskeyttämistä.</p><p>Arvio on tapauskohtainen: kirjatkaa lausuntoon työkokeilun tavoite ja kesto sekä tarjotun työn kesto.</p>'
  ),
  (
    'f2f2f2f2-0000-4000-8000-000000000005', 'f1f1f1f1-0000-4000-8000-000000000004',
    'a1a1a1a1-0000-4000-8000-000000000003', interval '31 days',
    '<p>Hallintolain 34 §:n mukaan asianosaiselle on varattava tilaisuus lausua mielipiteensä. Kun tilaisuus on varattu asianmukaisesti ja määräaika on kohtuullinen, lausunto voidaan antaa määräajan jälkeen, vaikka vastausta ei tulisi.</p><ul><li>Varmistakaa, että pyyntö on todella toimitettu asiointipalveluun.</li><li>Kirjatkaa lausuntoon, milloin ja miten kuulemistilaisuus varattiin.</li></ul>'
  ),
  (
    'f2f2f2f2-0000-4000-8000-000000000006', 'f1f1f1f1-0000-4000-8000-000000000005',
    'a1a1a1a1-0000-4000-8000-000000000009', interval '20 days',
    '<p>Fraasi ei yksin riitä. Perusteluista on käytävä ilmi, mitkä tosiasiat ja selvitykset ovat vaikuttaneet ratkaisuun ja mitä säännöksiä on sovellettu. Fraasipankkia voi käyttää rungon apuna, kun tapauksen tosiasiat kirjoitetaan sen rinnalle.</p>'
  ),
  (
    'f2f2f2f2-0000-4000-8000-000000000007', 'f1f1f1f1-0000-4000-8000-000000000005',
    'a1a1a1a1-0000-4000-8000-000000000001', interval '19 days',
    '<p>Tampereella fraaseihin on lisätty täydennettävät kohdat hakasulkeisiin, jotta tapauksen tosiasiat muistetaan kirjoittaa. Otantatarkastuksessa perustelujen puutteet vähenivät selvästi.</p>'
  ),
  (
    'f2f2f2f2-0000-4000-8000-000000000008', 'f1f1f1f1-0000-4000-8000-000000000006',
    'a1a1a1a1-0000-4000-8000-000000000003', interval '10 days',
    '<p>Työmatka-aika arvioidaan sen mukaan, miten työnhakija tosiasiassa pääsee työhön. Jos julkista liikennettä ei ole työvuoron alkuun mennessä eikä työnhakijalla ole muuta kohtuullista kulkutapaa, eroamiselle voi olla <strong>pätevä syy</strong>.</p><p>Selvittäkää myös, olisiko työnantaja voinut järjestää kuljetuksen tai muuttaa työvuoroja.</p>'
  ),
  (
    'f2f2f2f2-0000-4000-8000-000000000009', 'f1f1f1f1-0000-4000-8000-000000000007',
    'a1a1a1a1-0000-4000-8000-000000000009', interval '6 days',
    '<p>Asiavirheen korjaamisesta säädetään hallintolain 50 §:ssä. Jos lausunto perustuu selvästi virheelliseen säännöksen soveltamiseen, työllisyysalue voi korjata sen. Asianosaisen eduksi korjaamiseen ei tarvita hänen suostumustaan; hänen vahingokseen korjaaminen edellyttää suostumusta.</p><p>Ilmoittakaa korjatusta lausunnosta viipymättä etuuden maksajalle.</p>'
  ),
  (
    'f2f2f2f2-0000-4000-8000-000000000010', 'f1f1f1f1-0000-4000-8000-000000000010',
    'a1a1a1a1-0000-4000-8000-000000000003', interval '39 days',
    '<p>Koeaikapurku ei ole automaattisesti neutraali. Jos työnantaja on purkanut sopimuksen työntekijän menettelyn vuoksi ja menettely olisi ollut peruste purkaa sopimus myös koeajan ulkopuolella, tilanne voidaan arvioida 2 a luvun 1 §:n mukaisena työstä erottamisena.</p><p>Varatkaa työnhakijalle tilaisuus tulla kuulluksi ja pyytäkää työnantajalta selvitys purkamisen syystä.</p>'
  ),
  (
    'f2f2f2f2-0000-4000-8000-000000000011', 'f1f1f1f1-0000-4000-8000-000000000011',
    'a1a1a1a1-0000-4000-8000-000000000003', interval '5 days',
    '<p>Pelkkä opintojen aloittaminen ei palauta oikeutta etuuteen; oikeus palautuu 16 §:ssä säädetyllä tavalla. Jos opinnot keskeytyivät terveydellisistä syistä, arvioikaa, onko nuori ollut kykenemätön opiskelemaan, ja ohjatkaa hänet tarvittaessa työkyvyn arviointiin.</p>'
  )
) as answer (id, question_id, author, age, body_html);

insert into public.sparring_answer_sections (answer_id, section_id)
select reference.answer_id::uuid, legal.id
from (values
  ('f2f2f2f2-0000-4000-8000-000000000001', '380/2023', null, '2'),
  ('f2f2f2f2-0000-4000-8000-000000000003', '380/2023', null, '2'),
  ('f2f2f2f2-0000-4000-8000-000000000003', '380/2023', null, '3'),
  ('f2f2f2f2-0000-4000-8000-000000000005', '434/2003', null, '34'),
  ('f2f2f2f2-0000-4000-8000-000000000006', '434/2003', null, '45'),
  ('f2f2f2f2-0000-4000-8000-000000000008', '1290/2002', '2 a', '3'),
  ('f2f2f2f2-0000-4000-8000-000000000009', '434/2003', null, '50'),
  ('f2f2f2f2-0000-4000-8000-000000000010', '1290/2002', '2 a', '1')
) as reference (answer_id, act, chapter, section)
join public.legal_sections as legal
  on legal.id = pg_temp.seed_section(reference.act, reference.chapter, reference.section);

-- Endorsements by the other lawyer, never by an answer's author.
insert into public.sparring_endorsements (answer_id, user_id, created_at)
select endorsement.answer_id::uuid, endorsement.lawyer::uuid, answer.created_at + endorsement.after
from (values
  ('f2f2f2f2-0000-4000-8000-000000000001', 'a1a1a1a1-0000-4000-8000-000000000003', interval '1 day'),
  ('f2f2f2f2-0000-4000-8000-000000000003', 'a1a1a1a1-0000-4000-8000-000000000009', interval '1 day'),
  ('f2f2f2f2-0000-4000-8000-000000000005', 'a1a1a1a1-0000-4000-8000-000000000009', interval '1 day'),
  ('f2f2f2f2-0000-4000-8000-000000000006', 'a1a1a1a1-0000-4000-8000-000000000003', interval '20 hours'),
  ('f2f2f2f2-0000-4000-8000-000000000009', 'a1a1a1a1-0000-4000-8000-000000000003', interval '1 day')
) as endorsement (answer_id, lawyer, after)
join public.sparring_answers as answer on answer.id = endorsement.answer_id::uuid;

-- Answered when someone other than the asker first answered; resolved when the asker accepted.
alter table public.sparring_questions disable trigger sparring_questions_touch_updated_at;
update public.sparring_questions as question
set first_answered_at = (
      select min(answer.created_at) from public.sparring_answers as answer
      where answer.question_id = question.id and answer.author_id is distinct from question.author_id),
    accepted_answer_id = accepted.answer_id::uuid,
    status = case when accepted.answer_id is not null then 'resolved'::public.sparring_question_status
      else 'answered' end,
    updated_at = coalesce(accepted.at, question.updated_at)
from (values
  ('f1f1f1f1-0000-4000-8000-000000000001', 'f2f2f2f2-0000-4000-8000-000000000001', now() - interval '52 days'),
  ('f1f1f1f1-0000-4000-8000-000000000002', 'f2f2f2f2-0000-4000-8000-000000000003', now() - interval '25 days'),
  ('f1f1f1f1-0000-4000-8000-000000000003', 'f2f2f2f2-0000-4000-8000-000000000004', now() - interval '40 days'),
  ('f1f1f1f1-0000-4000-8000-000000000004', null, null),
  ('f1f1f1f1-0000-4000-8000-000000000005', null, null),
  ('f1f1f1f1-0000-4000-8000-000000000006', null, null),
  ('f1f1f1f1-0000-4000-8000-000000000007', null, null),
  ('f1f1f1f1-0000-4000-8000-000000000010', 'f2f2f2f2-0000-4000-8000-000000000010', now() - interval '37 days'),
  ('f1f1f1f1-0000-4000-8000-000000000011', null, null)
) as accepted (question_id, answer_id, at)
where question.id = accepted.question_id::uuid;
alter table public.sparring_questions enable trigger sparring_questions_touch_updated_at;

-- Interpretations ------------------------------------------------------------------------------
--
-- Helmi promoted the first accepted answer (Helsinki owns it); Liisa the second, which refines
-- and supersedes it (Kuntaliitto owns it). Both are shared with the sparring network for editing,
-- went to the manual's board (Kalle and Liisa approved) and are in the library. Their legal basis
-- and fields are in place before submission, so submitting froze them and publishing copied them.

insert into public.documents (
  id, kind, title, language, owner_organisation_id, network_id, status, created_by, owner_id,
  created_at, updated_at, html, text
)
select doc.id::uuid, 'interpretation', doc.title, 'fi', doc.owner::uuid, null, 'published',
  doc.created_by::uuid, doc.created_by::uuid, now() - doc.age, now() - doc.age, doc.html,
  pg_temp.seed_plain_text(doc.html)
from (values
  (
    'f3f3f3f3-0000-4000-8000-000000000001',
    'Tulkintasuositus: kunnan omarahoitteinen valmennus julkisena työvoimapalveluna',
    'c0c0c0c0-0000-4000-8000-000000000002', 'a1a1a1a1-0000-4000-8000-000000000009', interval '51 days',
    '<h2>Kysymys</h2><p>Onko kunnan omilla varoillaan rahoittama ja ostopalveluna hankkima valmennus laissa työvoimapalvelujen järjestämisestä tarkoitettu julkinen työvoimapalvelu?</p><h2>Suositus</h2><p>Ratkaisevaa on palvelun sisältö ja tarkoitus, ei rahoituslähde. Kun valmennusta tarjotaan työnhakijalle hänen työllistymisensä edistämiseksi ja siitä sovitaan työllistymissuunnitelmassa, se on julkinen työvoimapalvelu. Palveluun ohjaamisesta ja sen epäämisestä tehdään hallintopäätös, ja menettelyyn sovelletaan hallintolakia.</p><p>Jos kunta järjestää valmennusta kaikille asukkailleen ilman yhteyttä työnhakuun, kyse on kunnan yleisestä palvelusta.</p><h2>Käytännössä</h2><ul><li>Kirjatkaa ostopalvelusopimukseen, kumpaa palvelua hankitaan.</li><li>Kertokaa asiakkaalle, onko osallistuminen osa hänen työllistymissuunnitelmaansa.</li></ul><blockquote><p>Suositus on sparrausverkoston yhteinen näkemys. Se ei sido ratkaisijaa yksittäistapauksessa.</p></blockquote>'
  ),
  (
    'f3f3f3f3-0000-4000-8000-000000000002',
    'Tulkintasuositus: ostopalveluna hankittu valmennus ja julkisen työvoimapalvelun käsite',
    'c0c0c0c0-0000-4000-8000-000000000008', 'a1a1a1a1-0000-4000-8000-000000000003', interval '24 days',
    '<h2>Kysymys</h2><p>Onko kunnan ostopalveluna hankkima valmennus julkinen työvoimapalvelu silloinkin, kun sitä ei ole kirjattu työnhakijan työllistymissuunnitelmaan, ja koskeeko linjaus henkilöitä, jotka eivät ole työnhakijoita?</p><h2>Suositus</h2><p>Palvelu on julkinen työvoimapalvelu, kun se sisällöltään vastaa lain 2 §:ssä tarkoitettua palvelua ja sitä tarjotaan työnhakijana olevalle asiakkaalle, riippumatta siitä, onko palvelu jo kirjattu työllistymissuunnitelmaan. Suunnitelmaan kirjaaminen on työllisyysalueen velvollisuus, ei palvelun luonteen edellytys.</p><p>Henkilöille, jotka eivät ole lain 3 §:n määritelmän mukaisia työnhakijoita, samaa palvelua voidaan tarjota kunnan yleisenä palveluna. Silloin hallintopäätöstä ei tehdä, mutta hyvän hallinnon perusteita noudatetaan.</p><h2>Käytännössä</h2><ul><li>Arvioikaa palvelun luonne asiakkaan aseman mukaan, ei rahoituksen tai hankintatavan.</li><li>Päivittäkää ohjeet ja ostopalvelusopimukset vastaamaan linjausta.</li></ul><blockquote><p>Suositus korvaa sparrausverkoston aiemman suosituksen kunnan omarahoitteisesta valmennuksesta. Se ei sido ratkaisijaa yksittäistapauksessa.</p></blockquote>'
  )
) as doc (id, title, owner, created_by, age, html);

insert into public.document_permissions (document_id, user_id, organisation_id, network_id, level, granted_by, granted_at) values
  ('f3f3f3f3-0000-4000-8000-000000000001', null, null, 'e0e0e0e0-0000-4000-8000-000000000010', 'edit',
   'a1a1a1a1-0000-4000-8000-000000000009', now() - interval '51 days'),
  ('f3f3f3f3-0000-4000-8000-000000000002', null, null, 'e0e0e0e0-0000-4000-8000-000000000010', 'edit',
   'a1a1a1a1-0000-4000-8000-000000000003', now() - interval '24 days');

insert into public.interpretations (
  document_id, question_id, answer_id, network_id, issuing_body, justification, valid_from,
  valid_to, supersedes, created_by, created_at, updated_at
)
select record.document_id::uuid, record.question_id::uuid, record.answer_id::uuid,
  'e0e0e0e0-0000-4000-8000-000000000010', 'Juridinen sparrausverkosto', record.justification,
  ((now() - record.valid_from_age) at time zone 'Europe/Helsinki')::date, null, record.supersedes::uuid, doc.created_by,
  doc.created_at, doc.created_at
from (values
  (
    'f3f3f3f3-0000-4000-8000-000000000001', 'f1f1f1f1-0000-4000-8000-000000000001',
    'f2f2f2f2-0000-4000-8000-000000000001', null, interval '44 days',
    'Laissa työvoimapalvelujen järjestämisestä julkiset työvoimapalvelut määritellään palvelun sisällön perusteella. Rahoituslähde tai hankintatapa ei muuta palvelun luonnetta. Kun palvelua tarjotaan työnhakijalle hänen palveluprosessinsa osana, asiakkaan oikeusturva edellyttää hallintopäätöstä ja hallintolain menettelyä.'
  ),
  (
    'f3f3f3f3-0000-4000-8000-000000000002', 'f1f1f1f1-0000-4000-8000-000000000002',
    'f2f2f2f2-0000-4000-8000-000000000003', 'f3f3f3f3-0000-4000-8000-000000000001', interval '16 days',
    'Aiempi suositus sitoi palvelun luonteen työllistymissuunnitelmaan kirjaamiseen. Suunnitelman laatiminen ja päivittäminen on kuitenkin työllisyysalueen velvollisuus, eikä sen laiminlyönti voi heikentää työnhakijan oikeusturvaa. Lain 3 §:n määritelmät ratkaisevat, kuka on työnhakija; muille asukkaille kunta voi tarjota samaa palvelua yleisenä palveluna hyvän hallinnon perusteita noudattaen.'
  )
) as record (document_id, question_id, answer_id, supersedes, valid_from_age, justification)
join public.documents as doc on doc.id = record.document_id::uuid;

-- Legal bases of the interpretations, and the references of earlier guidance about the same
-- sections (the divergence view compares them).
insert into public.document_legal_references (document_id, section_id)
select reference.document_id::uuid, legal.id
from (values
  ('f3f3f3f3-0000-4000-8000-000000000001', '380/2023', null, '2'),
  ('f3f3f3f3-0000-4000-8000-000000000001', '434/2003', null, '2'),
  ('f3f3f3f3-0000-4000-8000-000000000002', '380/2023', null, '2'),
  ('f3f3f3f3-0000-4000-8000-000000000002', '380/2023', null, '3'),
  ('e5e5e5e5-0000-4000-8000-000000000002', '380/2023', null, '2'),
  ('e5e5e5e5-0000-4000-8000-000000000002', '1290/2002', '2', '1'),
  ('e5e5e5e5-0000-4000-8000-000000000002', '434/2003', null, '34'),
  ('e5e5e5e5-0000-4000-8000-000000000002', '434/2003', null, '45'),
  ('e5e5e5e5-0000-4000-8000-000000000005', '380/2023', null, '2'),
  ('e5e5e5e5-0000-4000-8000-000000000005', '380/2023', null, '3'),
  ('e5e5e5e5-0000-4000-8000-000000000007', '434/2003', null, '7'),
  ('e5e5e5e5-0000-4000-8000-000000000007', '434/2003', null, '8'),
  ('e5e5e5e5-0000-4000-8000-000000000008', '380/2023', null, '2'),
  ('e5e5e5e5-0000-4000-8000-000000000012', '380/2023', null, '2'),
  ('e5e5e5e5-0000-4000-8000-000000000012', '380/2023', null, '3')
) as reference (document_id, act, chapter, section)
join public.legal_sections as legal
  on legal.id = pg_temp.seed_section(reference.act, reference.chapter, reference.section);

-- The earlier interpretations (published before these fields existed) get theirs too.
insert into public.interpretations (
  document_id, network_id, issuing_body, justification, valid_from, created_by, created_at, updated_at
)
select doc.id, record.network_id::uuid, record.issuing_body, record.justification,
  (doc.published_at at time zone 'Europe/Helsinki')::date, doc.created_by, doc.created_at, doc.created_at
from (values
  ('e5e5e5e5-0000-4000-8000-000000000002', null, 'KEHA-keskus',
   'Työvoimapoliittisten lausuntojen perustelujen puutteet toistuivat otantatarkastuksessa; ohje yhtenäistää menettelyn työllisyysalueilla.'),
  ('e5e5e5e5-0000-4000-8000-000000000007', 'e0e0e0e0-0000-4000-8000-000000000010', 'Juridinen sparrausverkosto',
   'Opintojen tukemisen edellytykset arvioidaan ennen opintojen alkua, ja hallintolain palveluperiaate ja neuvontavelvollisuus edellyttävät, että työnhakija saa neuvontaa ajoissa.')
) as record (document_id, network_id, issuing_body, justification)
join public.documents as doc on doc.id = record.document_id::uuid;

-- Their submissions and publications predate the references: record them as if they had been
-- there (the seed published those versions before this section ran).
update public.document_submissions as submission
set legal_section_ids = array(
      select reference.section_id from public.document_legal_references as reference
      where reference.document_id = submission.document_id order by reference.section_id),
    interpretation = (select to_jsonb(record) from public.interpretations as record
      where record.document_id = submission.document_id)
where submission.document_id in ('e5e5e5e5-0000-4000-8000-000000000002', 'e5e5e5e5-0000-4000-8000-000000000005',
  'e5e5e5e5-0000-4000-8000-000000000007', 'e5e5e5e5-0000-4000-8000-000000000008',
  'e5e5e5e5-0000-4000-8000-000000000012');

update public.published_versions as version
set legal_section_ids = submission.legal_section_ids
from public.document_submissions as submission
where submission.id = version.submission_id
  and version.document_id in ('e5e5e5e5-0000-4000-8000-000000000002', 'e5e5e5e5-0000-4000-8000-000000000005',
    'e5e5e5e5-0000-4000-8000-000000000007', 'e5e5e5e5-0000-4000-8000-000000000008',
    'e5e5e5e5-0000-4000-8000-000000000012');

insert into public.published_interpretations (
  published_version_id, document_id, number, question_id, network_id, issuing_body, justification,
  nature, valid_from, valid_to, supersedes
)
select version.id, version.document_id, version.number, record.question_id, record.network_id,
  record.issuing_body, record.justification, record.nature,
  (version.published_at at time zone 'Europe/Helsinki')::date, record.valid_to, record.supersedes
from public.published_versions as version
join public.interpretations as record on record.document_id = version.document_id
where version.document_id in ('e5e5e5e5-0000-4000-8000-000000000002', 'e5e5e5e5-0000-4000-8000-000000000007');

-- The new interpretations through the workflow: frozen, submitted by their promoter, approved by
-- Kalle (KEHA) and Liisa (Kuntaliitto) — Helmi submitted Liisa's, so Liisa could approve it.
insert into public.document_versions (id, document_id, number, kind, content, text, html, created_by, created_at)
select version.id::uuid, doc.id, 1, 'frozen', '{}', doc.text, doc.html, version.created_by::uuid,
  now() - version.age
from (values
  ('f4f4f4f4-0000-4000-8000-000000000001', 'f3f3f3f3-0000-4000-8000-000000000001',
   'a1a1a1a1-0000-4000-8000-000000000009', interval '48 days'),
  ('f4f4f4f4-0000-4000-8000-000000000002', 'f3f3f3f3-0000-4000-8000-000000000002',
   'a1a1a1a1-0000-4000-8000-000000000009', interval '20 days')
) as version (id, document_id, created_by, age)
join public.documents as doc on doc.id = version.document_id::uuid;

insert into public.document_submissions (
  id, document_id, board_id, version_id, change_summary, status, approvals_required,
  organisations_required, submitted_by, submitted_at, decided_at
)
select submission.id::uuid, version.document_id, 'e0e0e0e0-0000-4000-8000-000000000012', version.id,
  submission.change_summary, 'published', 2, 2, version.created_by, version.created_at,
  version.created_at + submission.decided_after
from (values
  ('f5f5f5f5-0000-4000-8000-000000000001', 'f4f4f4f4-0000-4000-8000-000000000001',
   'Juridisen sparrausverkoston hyväksytystä vastauksesta nostettu tulkintasuositus.', interval '3 days'),
  ('f5f5f5f5-0000-4000-8000-000000000002', 'f4f4f4f4-0000-4000-8000-000000000002',
   'Tarkentaa ja korvaa aiemman suosituksen omarahoitteisesta valmennuksesta.', interval '3 days')
) as submission (id, version_id, change_summary, decided_after)
join public.document_versions as version on version.id = submission.version_id::uuid;

insert into public.document_reviews (submission_id, reviewer_id, organisation_id, decision, comment, decided_at)
select review.submission_id::uuid, review.reviewer_id::uuid,
  private.home_organisation_of(review.reviewer_id::uuid), 'approve', review.comment,
  submission.submitted_at + review.after
from (values
  ('f5f5f5f5-0000-4000-8000-000000000001', 'a1a1a1a1-0000-4000-8000-000000000003', 'Linjaus on selkeä.', interval '1 day'),
  ('f5f5f5f5-0000-4000-8000-000000000001', 'a1a1a1a1-0000-4000-8000-000000000002', '', interval '3 days'),
  ('f5f5f5f5-0000-4000-8000-000000000002', 'a1a1a1a1-0000-4000-8000-000000000002', '', interval '2 days'),
  ('f5f5f5f5-0000-4000-8000-000000000002', 'a1a1a1a1-0000-4000-8000-000000000003', '', interval '3 days')
) as review (submission_id, reviewer_id, comment, after)
join public.document_submissions as submission on submission.id = review.submission_id::uuid;

insert into public.published_versions (
  id, document_id, number, title, kind, language, content, html, text, change_summary, approvals,
  submission_id, owner_id, owner_name, owner_organisation_id, published_by, published_at
)
select published.id::uuid, doc.id, version.number, doc.title, doc.kind, doc.language,
  version.content, version.html, version.text, submission.change_summary,
  (select jsonb_agg(jsonb_build_object(
      'reviewer_id', review.reviewer_id,
      'name', private.display_name_of(review.reviewer_id),
      'organisation_id', review.organisation_id,
      'organisation_name_fi', organisation.name_fi,
      'organisation_name_sv', organisation.name_sv,
      'decided_at', review.decided_at) order by review.decided_at)
   from public.document_reviews as review
   left join public.organisations as organisation on organisation.id = review.organisation_id
   where review.submission_id = submission.id and review.decision = 'approve'),
  submission.id, doc.owner_id, private.display_name_of(doc.owner_id), doc.owner_organisation_id,
  (select review.reviewer_id from public.document_reviews as review
   where review.submission_id = submission.id order by review.decided_at limit 1),
  submission.decided_at + interval '1 hour'
from (values
  ('f6f6f6f6-0000-4000-8000-000000000001', 'f5f5f5f5-0000-4000-8000-000000000001'),
  ('f6f6f6f6-0000-4000-8000-000000000002', 'f5f5f5f5-0000-4000-8000-000000000002')
) as published (id, submission_id)
join public.document_submissions as submission on submission.id = published.submission_id::uuid
join public.document_versions as version on version.id = submission.version_id
join public.documents as doc on doc.id = submission.document_id
order by published.id;

alter table public.documents disable trigger documents_touch_updated_at;
update public.documents as doc
set slug = stewardship.slug,
    published_version = latest.number,
    published_at = latest.published_at,
    review_due = (latest.published_at + interval '365 days')::date,
    updated_at = greatest(doc.updated_at, latest.published_at)
from (values
  ('f3f3f3f3-0000-4000-8000-000000000001', 'kunnan-omarahoitteinen-valmennus-julkisena-tyovoimapalveluna'),
  ('f3f3f3f3-0000-4000-8000-000000000002', 'ostopalveluna-hankittu-valmennus-julkisena-tyovoimapalveluna')
) as stewardship (id, slug)
cross join lateral (
  select version.number, version.published_at from public.published_versions as version
  where version.document_id = stewardship.id::uuid order by version.number desc limit 1
) as latest
where doc.id = stewardship.id::uuid;
alter table public.documents enable trigger documents_touch_updated_at;

-- What the functions would have audited.
insert into public.audit_log (actor_id, action, target_type, target_id, organisation_id, at, details)
select event.actor, event.action, event.target_type, event.target_id, event.organisation_id, event.at,
  event.details
from (
  select lawyer.added_by as actor, 'sparring.lawyer' as action, 'network' as target_type,
    lawyer.network_id::text as target_id, network.owner_organisation_id as organisation_id,
    lawyer.added_at as at, jsonb_build_object('user_id', lawyer.user_id, 'lawyer', true) as details
  from public.sparring_lawyers as lawyer
  join public.networks as network on network.id = lawyer.network_id
  union all
  select setting.updated_by, 'sparring.target', 'network', setting.network_id::text,
    network.owner_organisation_id, setting.updated_at,
    jsonb_build_object('working_days', setting.first_answer_working_days)
  from public.sparring_settings as setting
  join public.networks as network on network.id = setting.network_id
  union all
  select record.created_by, 'sparring.promote', 'document', record.document_id::text,
    doc.owner_organisation_id, record.created_at,
    jsonb_build_object('question_id', record.question_id, 'answer_id', record.answer_id, 'title', doc.title)
  from public.interpretations as record
  join public.documents as doc on doc.id = record.document_id
  where record.answer_id is not null
  union all
  select submission.submitted_by, 'document.submit', 'document', doc.id::text, doc.owner_organisation_id,
    submission.submitted_at, jsonb_build_object('submission_id', submission.id, 'board_id', submission.board_id)
  from public.document_submissions as submission
  join public.documents as doc on doc.id = submission.document_id
  where submission.id::text like 'f5f5f5f5-0000-4000-8000-%'
  union all
  select review.reviewer_id, 'document.approve', 'document', doc.id::text, doc.owner_organisation_id,
    review.decided_at, jsonb_build_object('submission_id', submission.id,
      'outcome', case when review.decided_at = submission.decided_at then 'approved' else 'in_review' end)
  from public.document_reviews as review
  join public.document_submissions as submission on submission.id = review.submission_id
  join public.documents as doc on doc.id = submission.document_id
  where submission.id::text like 'f5f5f5f5-0000-4000-8000-%'
  union all
  select version.published_by, 'document.publish', 'document', doc.id::text, doc.owner_organisation_id,
    version.published_at, jsonb_build_object('submission_id', version.submission_id, 'version', version.number)
  from public.published_versions as version
  join public.documents as doc on doc.id = version.document_id
  where version.id::text like 'f6f6f6f6-0000-4000-8000-%'
) as event
order by event.at;

-- What the sparring functions would have sent in the last month (older events are long read):
-- new questions to the lawyers, answers to the askers, endorsements, acceptances and promotions to
-- the answers' authors and the askers, publications to the submitters.
insert into public.notifications (recipient_id, kind, network_id, actor_id, link, data, created_at)
select event.recipient, event.kind, event.network_id, event.actor, event.link,
  jsonb_build_object('actor_name', private.display_name_of(event.actor), 'title', event.title), event.at
from (
  select lawyer.user_id as recipient, 'sparring_question_asked' as kind, question.network_id,
    question.author_id as actor, private.sparring_question_link(question.id) as link,
    question.title, question.created_at as at
  from public.sparring_questions as question
  join public.sparring_lawyers as lawyer on lawyer.network_id = question.network_id
  union all
  select question.author_id, 'sparring_answer_posted', question.network_id, answer.author_id,
    private.sparring_question_link(question.id), question.title, answer.created_at
  from public.sparring_answers as answer
  join public.sparring_questions as question on question.id = answer.question_id
  union all
  select answer.author_id, 'sparring_answer_endorsed', question.network_id, endorsement.user_id,
    private.sparring_question_link(question.id), question.title, endorsement.created_at
  from public.sparring_endorsements as endorsement
  join public.sparring_answers as answer on answer.id = endorsement.answer_id
  join public.sparring_questions as question on question.id = answer.question_id
  union all
  select answer.author_id, 'sparring_answer_accepted', question.network_id, question.author_id,
    private.sparring_question_link(question.id), question.title, question.updated_at
  from public.sparring_questions as question
  join public.sparring_answers as answer on answer.id = question.accepted_answer_id
  union all
  select recipient.id, 'sparring_answer_promoted', question.network_id, record.created_by,
    private.sparring_question_link(question.id), question.title, record.created_at
  from public.interpretations as record
  join public.sparring_questions as question on question.id = record.question_id
  join public.sparring_answers as answer on answer.id = record.answer_id
  cross join lateral (select distinct unnest(array[question.author_id, answer.author_id]) as id) as recipient
) as event
where event.recipient is distinct from event.actor and event.at > now() - interval '30 days';

insert into public.notifications (recipient_id, kind, network_id, actor_id, link, data, created_at)
select member.user_id, 'review_requested', submission.board_id, submission.submitted_by,
  '/documents/' || doc.id || '/publishing',
  jsonb_build_object('actor_name', private.display_name_of(submission.submitted_by), 'title', doc.title,
    'excerpt', left(submission.change_summary, 200)),
  submission.submitted_at
from public.document_submissions as submission
join public.documents as doc on doc.id = submission.document_id
join public.network_members as member on member.network_id = submission.board_id
  and member.role in ('coordinator', 'member') and member.user_id <> submission.submitted_by
where submission.id::text like 'f5f5f5f5-0000-4000-8000-%'
  and submission.submitted_at > now() - interval '30 days'
union all
select submission.submitted_by, 'document_published', null, version.published_by, '/library/' || doc.slug,
  jsonb_build_object('actor_name', private.display_name_of(version.published_by), 'title', doc.title,
    'status', version.number::text),
  version.published_at
from public.published_versions as version
join public.document_submissions as submission on submission.id = version.submission_id
join public.documents as doc on doc.id = version.document_id
where version.id::text like 'f6f6f6f6-0000-4000-8000-%'
  and version.published_at > now() - interval '30 days'
  and submission.submitted_by is distinct from version.published_by;

-- The daily job found the overdue question on the morning after its due date and told the
-- network's coordinators.
select public.flag_overdue_sparring_questions(question.due_at + interval '16 hours')
from public.sparring_questions as question
where question.id = 'f1f1f1f1-0000-4000-8000-000000000008';
update public.notifications as notification
set created_at = question.overdue_notified_at
from public.sparring_questions as question
where notification.kind = 'sparring_question_overdue'
  and notification.link = private.sparring_question_link(question.id);

update public.notifications
set read_at = created_at + interval '3 hours'
where created_at < now() - interval '4 days' and read_at is null
  and kind like 'sparring\_%';
