/**
 * Response targets count working days in Helsinki: weekends and the days Finnish offices are
 * closed don't count, and the clock time stays the same across daylight saving changes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../server/embedded/db";
import { availableBackends, openMigratedDatabase } from "../../helpers/databases";

/** Every holiday on the days 2025–2027, weekend ones included. */
const holidays = [
  // 2025: Easter 20 April
  "2025-01-01",
  "2025-01-06",
  "2025-04-18",
  "2025-04-20",
  "2025-04-21",
  "2025-05-01",
  "2025-05-29",
  "2025-06-08",
  "2025-06-20",
  "2025-06-21",
  "2025-11-01",
  "2025-12-06",
  "2025-12-24",
  "2025-12-25",
  "2025-12-26",
  // 2026: Easter 5 April
  "2026-01-01",
  "2026-01-06",
  "2026-04-03",
  "2026-04-05",
  "2026-04-06",
  "2026-05-01",
  "2026-05-14",
  "2026-05-24",
  "2026-06-19",
  "2026-06-20",
  "2026-10-31",
  "2026-12-06",
  "2026-12-24",
  "2026-12-25",
  "2026-12-26",
  // 2027: Easter 28 March
  "2027-01-01",
  "2027-01-06",
  "2027-03-26",
  "2027-03-28",
  "2027-03-29",
  "2027-05-01",
  "2027-05-06",
  "2027-05-16",
  "2027-06-25",
  "2027-06-26",
  "2027-11-06",
  "2027-12-06",
  "2027-12-24",
  "2027-12-25",
  "2027-12-26",
];

describe.each(availableBackends())("working days on %s", (backend) => {
  let db: Database;

  beforeAll(async () => {
    db = await openMigratedDatabase(backend);
  });

  afterAll(async () => {
    await db?.close();
  });

  it("puts Easter where the calendar does", async () => {
    const { rows } = await db.query<{ easter: string }>(
      `select private.easter_sunday(year)::text as easter
       from unnest(array[2024, 2025, 2026, 2027, 2028, 2038]) as year order by year`,
    );
    expect(rows.map((row) => row.easter)).toEqual([
      "2024-03-31",
      "2025-04-20",
      "2026-04-05",
      "2027-03-28",
      "2028-04-16",
      "2038-04-25",
    ]);
  });

  it("knows every holiday of 2025–2027 and no other day", async () => {
    const { rows } = await db.query<{ day: string }>(
      `select day::date::text as day
       from generate_series('2025-01-01'::date, '2027-12-31'::date, interval '1 day') as day
       where private.is_finnish_holiday(day::date)
       order by day`,
    );
    expect(rows.map((row) => row.day)).toEqual(holidays);
  });

  it("takes Midsummer Eve to be the Friday between 19 and 25 June", async () => {
    const { rows } = await db.query<{ day: string }>(
      `select day::date::text as day
       from generate_series('2020-06-01'::date, '2030-06-30'::date, interval '1 day') as day
       where extract(month from day) = 6 and extract(isodow from day) = 5
         and private.is_finnish_holiday(day::date)
       order by day`,
    );
    expect(rows.map((row) => row.day)).toEqual([
      "2020-06-19",
      "2021-06-25",
      "2022-06-24",
      "2023-06-23",
      "2024-06-21",
      "2025-06-20",
      "2026-06-19",
      "2027-06-25",
      "2028-06-23",
      "2029-06-22",
      "2030-06-21",
    ]);
  });

  async function addWorkingDays(start: string, days: number): Promise<string> {
    const { rows } = await db.query<{ due: string }>(
      `select to_char(private.add_working_days($1::timestamptz, $2) at time zone 'Europe/Helsinki',
                      'YYYY-MM-DD HH24:MI Dy') as due`,
      [start, days],
    );
    return rows[0]?.due ?? "";
  }

  it.each([
    ["a week from a Monday", "2026-11-23 10:00+02", 5, "2026-11-30 10:00 Mon"],
    ["over a weekend", "2025-11-21 15:30+02", 1, "2025-11-24 15:30 Mon"],
    ["over Good Friday and Easter Monday", "2026-04-02 10:00+03", 1, "2026-04-07 10:00 Tue"],
    ["five days over Easter 2025", "2025-04-17 09:00+03", 5, "2025-04-28 09:00 Mon"],
    ["over Christmas and Boxing Day", "2025-12-23 12:00+02", 1, "2025-12-29 12:00 Mon"],
    ["over New Year and Epiphany", "2026-12-31 08:00+02", 2, "2027-01-05 08:00 Tue"],
    ["over Midsummer Eve", "2026-06-18 14:00+03", 1, "2026-06-22 14:00 Mon"],
    ["over Ascension Day", "2026-05-13 11:00+03", 1, "2026-05-15 11:00 Fri"],
    ["over May Day", "2026-04-30 11:00+03", 1, "2026-05-04 11:00 Mon"],
    ["over Independence Day on a Monday", "2027-12-03 16:00+02", 1, "2027-12-07 16:00 Tue"],
    ["from a Saturday", "2025-11-22 18:00+02", 1, "2025-11-24 18:00 Mon"],
    ["over the spring DST change", "2026-03-27 09:00+02", 1, "2026-03-30 09:00 Mon"],
    ["over the autumn DST change", "2025-10-24 09:00+03", 5, "2025-10-31 09:00 Fri"],
  ])("counts %s", async (_name, start, days, due) => {
    expect(await addWorkingDays(start, days)).toBe(due);
  });

  it("keeps the Helsinki clock time (09:00), not the UTC one, across a DST change", async () => {
    const { rows } = await db.query<{ due: string }>(
      `select private.add_working_days('2025-10-24 06:00:00+00', 5) = '2025-10-31 07:00:00+00'::timestamptz
         as due`,
    );
    expect(rows[0]?.due).toBe(true);
  });

  it("returns the start for zero or negative days", async () => {
    const { rows } = await db.query<{ zero: boolean; negative: boolean }>(
      `select private.add_working_days('2025-12-24 10:00+02', 0) = '2025-12-24 10:00+02' as zero,
              private.add_working_days('2025-12-24 10:00+02', -3) = '2025-12-24 10:00+02' as negative`,
    );
    expect(rows[0]).toEqual({ zero: true, negative: true });
  });
});
