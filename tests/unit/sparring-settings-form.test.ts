import { describe, expect, it } from "vitest";
import { formValues, parseForm } from "~/lib/form-errors";
import { helsinkiDaysSince } from "~/lib/sparring-admin.server";
import { sparringSettingsSchema } from "~/lib/sparring-settings-form";

const person = "a1a1a1a1-0000-4000-8000-000000000009";

function settingsForm(fields: Record<string, string>): Record<string, unknown> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return formValues(form);
}

function parse(fields: Record<string, string>) {
  return parseForm(sparringSettingsSchema, settingsForm(fields));
}

describe("sparringSettingsSchema: the response target", () => {
  it("takes a whole number of working days from 1 to 60", () => {
    expect(parse({ intent: "target", working_days: " 5 " })).toEqual({
      success: true,
      data: { intent: "target", working_days: 5 },
    });
    expect(parse({ intent: "target", working_days: "1" }).success).toBe(true);
    expect(parse({ intent: "target", working_days: "60" }).success).toBe(true);
  });

  it("names the field when the number is missing, out of range or not a whole number", () => {
    expect(parse({ intent: "target", working_days: "" })).toEqual({
      success: false,
      fieldErrors: { working_days: "required" },
    });
    expect(parse({ intent: "target" })).toEqual({
      success: false,
      fieldErrors: { working_days: "required" },
    });
    for (const wrong of ["0", "61", "2.5", "-3", "viisi", "1e1"]) {
      expect(parse({ intent: "target", working_days: wrong })).toEqual({
        success: false,
        fieldErrors: { working_days: "invalid" },
      });
    }
  });
});

describe("sparringSettingsSchema: naming and removing a lawyer", () => {
  it("reads who and whether as a boolean", () => {
    expect(parse({ intent: "lawyer", user_id: person, lawyer: "true" })).toEqual({
      success: true,
      data: { intent: "lawyer", user_id: person, lawyer: true },
    });
    expect(parse({ intent: "lawyer", user_id: person, lawyer: "false" })).toEqual({
      success: true,
      data: { intent: "lawyer", user_id: person, lawyer: false },
    });
  });

  it("refuses a person who is not an id, a missing choice and unknown intents", () => {
    expect(parse({ intent: "lawyer", user_id: "aino", lawyer: "true" })).toEqual({
      success: false,
      fieldErrors: { user_id: "invalid" },
    });
    expect(parse({ intent: "lawyer", user_id: person })).toEqual({
      success: false,
      fieldErrors: { lawyer: "invalid" },
    });
    expect(parse({ intent: "lawyer", user_id: person, lawyer: "yes" }).success).toBe(false);
    expect(parse({ intent: "delete", user_id: person }).success).toBe(false);
    expect(parse({ working_days: "5" }).success).toBe(false);
  });
});

describe("helsinkiDaysSince: how long a question in the queue has waited", () => {
  it("counts calendar days in Helsinki, not 24-hour periods", () => {
    // 23.30 on 1 December in Helsinki (UTC+2) is the day before at 21.30 UTC.
    expect(helsinkiDaysSince("2025-12-01T21:30:00Z", "2025-12-02")).toBe(1);
    expect(helsinkiDaysSince("2025-12-01T22:30:00Z", "2025-12-02")).toBe(0);
    expect(helsinkiDaysSince("2025-11-24T08:00:00Z", "2025-11-30")).toBe(6);
  });

  it("counts across the change to summer time and never goes below zero", () => {
    expect(helsinkiDaysSince("2026-03-28T10:00:00Z", "2026-03-30")).toBe(2);
    expect(helsinkiDaysSince("2026-01-02T10:00:00Z", "2026-01-01")).toBe(0);
  });
});
