-- The acts a municipal employment-services expert cites most, and those of their sections whose
-- number and heading were checked against the published act (Finlex, the Parliament's adopted
-- text) or an amending act that prints the heading. A section we could not check is left out
-- rather than guessed: a wrong heading in a citation is worse than a missing one. Add sections
-- with a later migration (same id formula), never by editing this one.
--
-- Ids are md5(act_id || ':' || coalesce(chapter, '') || ':' || section)::uuid, so every
-- installation, the seed and the tests compute the same id for "1290/2002 2 a luku 1 §".
--
-- 380/2023 and 434/2003 number their sections straight through (chapter null); 1290/2002 numbers
-- them per chapter. 381/2023 is the Act on the multi-sectoral promotion of employment (the act
-- bringing 380/2023 into force is 383/2023).

insert into public.legal_acts
  (id, title_fi, title_sv, title_en, short_title_fi, short_title_sv, short_title_en, position)
values
  ('380/2023', 'Laki työvoimapalveluiden järjestämisestä',
    'Lag om ordnande av arbetskraftsservice',
    'Act on the Organisation of Employment Services', null, null, null, 10),
  ('381/2023', 'Laki työllistymisen monialaisesta edistämisestä',
    'Lag om sektorsövergripande främjande av sysselsättningen',
    'Act on the Multi-sectoral Promotion of Employment', null, null, null, 20),
  ('1290/2002', 'Työttömyysturvalaki', 'Lag om utkomstskydd för arbetslösa',
    'Unemployment Security Act', 'Työttömyysturvalaki', null, null, 30),
  ('681/2023', 'Laki kotoutumisen edistämisestä', 'Lag om främjande av integration',
    'Act on the Promotion of Integration', 'Kotoutumislaki', null, null, 40),
  ('434/2003', 'Hallintolaki', 'Förvaltningslag', 'Administrative Procedure Act',
    'Hallintolaki', 'Förvaltningslagen', null, 50);

insert into public.legal_sections
  (id, act_id, chapter, section, heading_fi, heading_sv, heading_en, position)
select md5(entry.act_id || ':' || coalesce(entry.chapter, '') || ':' || entry.section)::uuid,
  entry.act_id, entry.chapter, entry.section, entry.heading_fi, entry.heading_sv,
  entry.heading_en, entry.position
from (values
  -- Laki työvoimapalveluiden järjestämisestä (380/2023), 1 luku Yleiset säännökset
  ('380/2023', null, '1', 'Soveltamisala', 'Tillämpningsområde', 'Scope', 10),
  ('380/2023', null, '2', 'Julkiset työvoimapalvelut', 'Offentlig arbetskraftsservice',
    'Public employment services', 20),
  ('380/2023', null, '3', 'Määritelmät', 'Definitioner', 'Definitions', 30),

  -- Työttömyysturvalaki (1290/2002)
  -- 1 luku Yleiset säännökset
  ('1290/2002', '1', '5', 'Määritelmät', null, null, 10),
  ('1290/2002', '1', '6', 'Yrittäjä', null, null, 20),
  -- 2 luku Etuuden saamisen yleiset työvoimapoliittiset edellytykset
  ('1290/2002', '2', '1', 'Työtön työnhakija', null, null, 30),
  ('1290/2002', '2', '16', 'Koulutusta vailla olevan nuoren työttömyysturvaoikeuden palautuminen',
    null, null, 40),
  -- 2 a luku Työvoimapoliittisesti moitittava menettely
  ('1290/2002', '2 a', '1', 'Työstä eroaminen ja erottaminen', null, null, 50),
  ('1290/2002', '2 a', '2', 'Pätevä syy työstä eroamiseen', null, null, 60),
  ('1290/2002', '2 a', '3', 'Työstä eroaminen työmatkan perusteella', null, null, 70),
  ('1290/2002', '2 a', '4', 'Työstä kieltäytyminen', null, null, 80),

  -- Hallintolaki (434/2003)
  -- 1 luku Lain tarkoitus ja soveltamisala
  ('434/2003', null, '1', 'Lain tarkoitus', 'Lagens syfte', 'Purpose of the Act', 10),
  ('434/2003', null, '2', 'Soveltamisala', 'Tillämpningsområde', 'Scope of application', 20),
  ('434/2003', null, '3', 'Soveltaminen hallintosopimuksiin', null, null, 30),
  -- 2 luku Hyvän hallinnon perusteet
  ('434/2003', null, '6', 'Hallinnon oikeusperiaatteet', 'Rättsprinciper inom förvaltningen',
    'Legal principles of administration', 60),
  ('434/2003', null, '7', 'Palveluperiaate ja palvelun asianmukaisuus',
    'Serviceprincipen och adekvat service', 'Principle of service and appropriateness of service',
    70),
  ('434/2003', null, '8', 'Neuvonta', 'Rådgivning', 'Advice', 80),
  ('434/2003', null, '9', 'Hyvän kielenkäytön vaatimus', 'Krav på gott språkbruk',
    'Requirement of appropriate language', 90),
  ('434/2003', null, '11', 'Asianosainen', 'Part', 'Party', 110),
  -- 6 luku Asian selvittäminen ja asianosaisen kuuleminen
  ('434/2003', null, '31', 'Selvittämisvelvollisuus', 'Utredningsskyldighet',
    'Obligation to investigate', 310),
  ('434/2003', null, '34', 'Asianosaisen kuuleminen', 'Hörande av part', 'Hearing of a party',
    340),
  ('434/2003', null, '41', 'Vaikuttamismahdollisuuksien varaaminen', null, null, 410),
  -- 7 luku Asian ratkaiseminen
  ('434/2003', null, '44', 'Päätöksen sisältö', 'Beslutets innehåll', 'Content of a decision',
    440),
  ('434/2003', null, '45', 'Päätöksen perusteleminen', 'Motivering av beslut',
    'Statement of reasons for decisions', 450),
  -- 8 luku Virheen korjaaminen
  ('434/2003', null, '50', 'Asiavirheen korjaaminen', 'Rättelse av sakfel',
    'Correction of a material error', 500),
  ('434/2003', null, '51', 'Kirjoitusvirheen korjaaminen', 'Rättelse av skrivfel',
    'Correction of a clerical error', 510)
) as entry (act_id, chapter, section, heading_fi, heading_sv, heading_en, position);
