import { describe, expect, it } from "vitest";
import { parseForm } from "~/lib/form-errors";
import {
  archiveSchema,
  changeSummaryMaxLength,
  isIsoDate,
  isPublishingIntent,
  publishingErrorKey,
  reviewSchema,
  stewardshipSchema,
  submissionSchema,
  submitSchema,
  translationSchema,
} from "~/lib/publishing-form";

const uuid = "c0c0c0c0-0000-4000-8000-000000000001";

describe("submitSchema", () => {
  it("trims the change summary and takes a missing one as empty", () => {
    expect(parseForm(submitSchema, { changeSummary: "  Uusi luku 3  " })).toEqual({
      success: true,
      data: { changeSummary: "Uusi luku 3" },
    });
    expect(parseForm(submitSchema, {})).toEqual({ success: true, data: { changeSummary: "" } });
  });

  it("refuses a summary longer than the column allows", () => {
    expect(
      parseForm(submitSchema, { changeSummary: "a".repeat(changeSummaryMaxLength + 1) }),
    ).toEqual({ success: false, fieldErrors: { changeSummary: "tooLong" } });
  });
});

describe("reviewSchema", () => {
  it("approves with or without a comment", () => {
    expect(parseForm(reviewSchema, { submissionId: uuid, decision: "approve" })).toEqual({
      success: true,
      data: { submissionId: uuid, decision: "approve", comment: "" },
    });
  });

  it("asks for a comment when changes are requested", () => {
    expect(
      parseForm(reviewSchema, { submissionId: uuid, decision: "request_changes", comment: "  " }),
    ).toEqual({ success: false, fieldErrors: { comment: "required" } });
    expect(
      parseForm(reviewSchema, {
        submissionId: uuid,
        decision: "request_changes",
        comment: "Luku 2 on vanhentunut.",
      }),
    ).toMatchObject({ success: true, data: { comment: "Luku 2 on vanhentunut." } });
  });

  it("refuses an unknown decision and a malformed submission id", () => {
    expect(parseForm(reviewSchema, { submissionId: "x", decision: "publish" })).toEqual({
      success: false,
      fieldErrors: { submissionId: "invalid", decision: "invalid" },
    });
  });
});

describe("submissionSchema", () => {
  it("takes a uuid only", () => {
    expect(parseForm(submissionSchema, { submissionId: uuid }).success).toBe(true);
    expect(parseForm(submissionSchema, { submissionId: "1; drop" }).success).toBe(false);
  });
});

describe("archiveSchema", () => {
  it("needs the confirmation tick; the reason is optional", () => {
    expect(parseForm(archiveSchema, { reason: "" })).toEqual({
      success: false,
      fieldErrors: { confirm: "required" },
    });
    expect(parseForm(archiveSchema, { reason: " Korvattu uudella ", confirm: "yes" })).toEqual({
      success: true,
      data: { reason: "Korvattu uudella", confirm: "yes" },
    });
  });
});

describe("stewardshipSchema", () => {
  it("takes an owner, a date or both; empty means unchanged", () => {
    expect(parseForm(stewardshipSchema, { ownerId: uuid, reviewDue: "" })).toEqual({
      success: true,
      data: { ownerId: uuid, reviewDue: null },
    });
    expect(parseForm(stewardshipSchema, { ownerId: "", reviewDue: "2027-02-28" })).toEqual({
      success: true,
      data: { ownerId: null, reviewDue: "2027-02-28" },
    });
  });

  it("needs at least one of them, and a real date", () => {
    expect(parseForm(stewardshipSchema, { ownerId: "", reviewDue: "" })).toEqual({
      success: false,
      fieldErrors: { ownerId: "required" },
    });
    expect(parseForm(stewardshipSchema, { ownerId: uuid, reviewDue: "2027-02-30" })).toEqual({
      success: false,
      fieldErrors: { reviewDue: "invalid" },
    });
  });

  it("knows calendar dates", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2027-02-29")).toBe(false);
    expect(isIsoDate("1.2.2027")).toBe(false);
  });
});

describe("translationSchema", () => {
  it("takes a source document or none", () => {
    expect(parseForm(translationSchema, { sourceId: uuid })).toEqual({
      success: true,
      data: { sourceId: uuid },
    });
    expect(parseForm(translationSchema, { sourceId: "" })).toEqual({
      success: true,
      data: { sourceId: null },
    });
    expect(parseForm(translationSchema, { sourceId: "nope" })).toEqual({
      success: false,
      fieldErrors: { sourceId: "invalid" },
    });
  });
});

describe("publishingErrorKey", () => {
  it("says what a refusal means for the action, and the general words otherwise", () => {
    expect(publishingErrorKey("review", { code: "42501" })).toBe(
      "publishing.errors.review.forbidden",
    );
    expect(publishingErrorKey("publish", { code: "55000" })).toBe(
      "publishing.errors.publish.invalidState",
    );
    expect(publishingErrorKey("translation", { code: "P0002" })).toBe(
      "publishing.errors.translation.notFound",
    );
    expect(publishingErrorKey("submit", { code: "P0002" })).toBe("dbErrors.notFound");
    expect(publishingErrorKey("submit", { code: "XX000" })).toBe("dbErrors.unavailable");
  });

  it("recognises the tab's intents only", () => {
    expect(isPublishingIntent("markReviewed")).toBe(true);
    expect(isPublishingIntent("delete")).toBe(false);
  });
});
