-- The personal-data guard and working days, for the legal sparring network
-- (20251124101400_legal_sparring.sql calls both).
--
-- Sparring questions come from real cases, so they must not carry a customer's personal data.
-- private.personal_data_kinds finds Finnish personal identity codes (henkilötunnus, check
-- character validated), phone numbers and e-mail addresses with the same rules and the same
-- pattern text as app/lib/personal-data.ts, which warns in the form as people type;
-- tests/fixtures/personal-data-cases.ts runs through both. Triggers call
-- private.refuse_personal_data, which raises 23514 naming what was found.
--
-- A shape like an identity code with a wrong check character is not refused (it is far more likely
-- a reference or case number), and is not taken for a phone number either.
--
-- Response targets are counted in working days: Monday to Friday, except the days Finnish offices
-- are closed (private.is_finnish_holiday).

-- Identity codes -------------------------------------------------------------------------------

create function private.is_valid_identity_code(code text) returns boolean
language plpgsql immutable
set search_path = ''
as $$
declare
  parts text[] := regexp_match(upper(btrim(code)),
    '^([0-9]{2})([0-9]{2})([0-9]{2})([-+A-FU-Y])([0-9]{3})([0-9A-Y])$');
  birth_year integer;
  birth_month integer;
  birth_day integer;
begin
  if parts is null then
    return false;
  end if;
  birth_year := parts[3]::integer + case
    when parts[4] = '+' then 1800
    when parts[4] in ('-', 'Y', 'X', 'W', 'V', 'U') then 1900
    else 2000
  end;
  birth_month := parts[2]::integer;
  birth_day := parts[1]::integer;
  if birth_month not between 1 and 12 or birth_day < 1
     or birth_day > extract(day from make_date(birth_year, birth_month, 1)
       + interval '1 month' - interval '1 day') then
    return false;
  end if;
  if parts[5]::integer < 2 then
    return false;
  end if;
  return substr('0123456789ABCDEFHJKLMNPRSTUVWXY',
    ((parts[1] || parts[2] || parts[3] || parts[5])::bigint % 31)::integer + 1, 1) = parts[6];
end;
$$;

-- Finding and refusing personal data -------------------------------------------------------------

-- The patterns are app/lib/personal-data.ts's personalDataPatterns, character for character
-- (tests/integration/sparring/personal-data-sql.test.ts checks): identity-code shapes first, then
-- e-mail addresses, then phone numbers, each masked before the next is looked for.
create function private.personal_data_kinds(content text) returns text[]
language plpgsql immutable
set search_path = ''
as $$
declare
  identity_shape constant text :=
    '(?<![0-9A-Za-z_À-ÖØ-öø-ÿ])[0-9]{6}[-+A-FU-Ya-fu-y][0-9]{3}[0-9A-Za-z](?![0-9A-Za-z_À-ÖØ-öø-ÿ])';
  email constant text :=
    '(?<![A-Za-z0-9ÅÄÖåäö._%+-])[A-Za-z0-9ÅÄÖåäö._%+-]+@[A-Za-z0-9ÅÄÖåäö-]+(?:[.][A-Za-z0-9ÅÄÖåäö-]+)*[.][A-Za-z]{2,}';
  phone constant text :=
    '(?<![0-9A-Za-z_À-ÖØ-öø-ÿ+/@])(?<![0-9][ \u00a0.,/])(?<![0-9A-Za-z]-)(?:(?![0-9]{7}-[0-9](?![0-9])|[0-3][0-9]-[01][0-9]-[0-9]{4}(?![0-9]))[(]?0[1-9](?:[)]?[ \u00a0-]?[0-9]){5,10}|(?:[+]|00)[1-9](?:[ \u00a0-]?[(]?[0-9][)]?){6,14})(?![0-9A-Za-z_À-ÖØ-öø-ÿ])(?![.,/][0-9])(?!-[0-9A-Za-z])';
  kinds text[] := '{}';
  shape text[];
  masked text;
begin
  if content is null or content = '' then
    return kinds;
  end if;

  for shape in select regexp_matches(content, identity_shape, 'g') loop
    if private.is_valid_identity_code(shape[1]) then
      kinds := kinds || 'identity_code'::text;
      exit;
    end if;
  end loop;
  masked := regexp_replace(content, identity_shape, '###########', 'g');

  if masked ~ email then
    kinds := kinds || 'email'::text;
    masked := regexp_replace(masked, email, '#', 'g');
  end if;

  if masked ~ phone then
    kinds := kinds || 'phone'::text;
  end if;

  return array(select kind from unnest(kinds) as kind order by kind);
end;
$$;

create function private.refuse_personal_data(field text, content text) returns void
language plpgsql stable
set search_path = ''
as $$
declare
  kinds text[] := private.personal_data_kinds(content);
begin
  if cardinality(kinds) > 0 then
    raise exception using
      errcode = '23514',
      message = 'personal data in ' || field,
      detail = array_to_string(kinds, ','),
      hint = 'remove identity codes, phone numbers and e-mail addresses';
  end if;
end;
$$;

-- Working days -----------------------------------------------------------------------------------

-- Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
create function private.easter_sunday(year integer) returns date
language plpgsql immutable
set search_path = ''
as $$
declare
  a integer := year % 19;
  b integer := year / 100;
  c integer := year % 100;
  h integer := (19 * a + b - b / 4 - (b - (b + 8) / 25 + 1) / 3 + 15) % 30;
  l integer := (32 + 2 * (b % 4) + 2 * (c / 4) - h - c % 4) % 7;
  m integer := (a + 11 * h + 22 * l) / 451;
begin
  return make_date(year, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1);
end;
$$;

-- Days Finnish offices are closed besides weekends, and the public holidays that fall on a weekend
-- anyway: New Year's Day, Epiphany, Good Friday, Easter Sunday and Monday, May Day, Ascension Day,
-- Whitsunday, Midsummer Eve (by custom; Friday 19–25 June) and Day, All Saints' Day (Saturday
-- 31 October – 6 November), Independence Day, Christmas Eve, Christmas Day and Boxing Day.
create function private.is_finnish_holiday(day date) returns boolean
language plpgsql immutable
set search_path = ''
as $$
declare
  easter date := private.easter_sunday(extract(year from day)::integer);
  month_day text := to_char(day, 'MM-DD');
  weekday integer := extract(isodow from day)::integer;
begin
  return month_day in ('01-01', '01-06', '05-01', '12-06', '12-24', '12-25', '12-26')
    or day in (easter - 2, easter, easter + 1, easter + 39, easter + 49)
    or (weekday = 5 and month_day between '06-19' and '06-25')
    or (weekday = 6 and month_day between '06-20' and '06-26')
    or (weekday = 6 and (month_day between '11-01' and '11-06' or month_day = '10-31'));
end;
$$;

-- The same clock time in Helsinki `days` working days later; daylight saving changes keep the clock
-- time. A start on a weekend or holiday counts from the next working day's clock time.
create function private.add_working_days(start timestamptz, days integer) returns timestamptz
language plpgsql stable
set search_path = ''
as $$
declare
  local_start timestamp := start at time zone 'Europe/Helsinki';
  day date := local_start::date;
  remaining integer := days;
begin
  if start is null or days is null or days <= 0 then
    return start;
  end if;
  while remaining > 0 loop
    day := day + 1;
    if extract(isodow from day) < 6 and not private.is_finnish_holiday(day) then
      remaining := remaining - 1;
    end if;
  end loop;
  return (day + local_start::time) at time zone 'Europe/Helsinki';
end;
$$;

-- Grants -----------------------------------------------------------------------------------------

revoke all on function
  private.is_valid_identity_code(text),
  private.personal_data_kinds(text),
  private.refuse_personal_data(text, text),
  private.easter_sunday(integer),
  private.is_finnish_holiday(date),
  private.add_working_days(timestamptz, integer)
from public, anon, authenticated;
