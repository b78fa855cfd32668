import { describe, expect, it } from "vitest";
import { boardSettingsRepeated, boardSettingsSchema } from "~/lib/board-settings-form";
import {
  excerpt,
  feedbackAnswerSchema,
  feedbackFilterOf,
  feedbackQueueUrl,
  pageOf,
  statusesOf,
} from "~/lib/feedback-answer-form";
import { formValues, parseForm } from "~/lib/form-errors";

const network = "e0e0e0e0-0000-4000-8000-000000000012";

function boardForm(fields: [string, string][]): Record<string, unknown> {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return formValues(form, boardSettingsRepeated);
}

describe("boardSettingsSchema", () => {
  it("accepts a quorum, an interval, kinds and networks, without repeats", () => {
    expect(
      parseForm(
        boardSettingsSchema,
        boardForm([
          ["approvals_required", " 3 "],
          ["organisations_required", "2"],
          ["review_interval_days", "365"],
          ["document_kinds", "guidance"],
          ["document_kinds", "manual"],
          ["document_kinds", "guidance"],
          ["network_ids", network],
          ["network_ids", network],
        ]),
      ),
    ).toEqual({
      success: true,
      data: {
        approvals_required: 3,
        organisations_required: 2,
        review_interval_days: 365,
        document_kinds: ["guidance", "manual"],
        network_ids: [network],
      },
    });
  });

  it("takes no kinds and no networks as an empty scope", () => {
    const parsed = parseForm(
      boardSettingsSchema,
      boardForm([
        ["approvals_required", "1"],
        ["organisations_required", "1"],
        ["review_interval_days", "30"],
      ]),
    );
    expect(parsed).toMatchObject({ success: true, data: { document_kinds: [], network_ids: [] } });
  });

  it("refuses numbers outside the database's ranges, fractions and words", () => {
    const parsed = parseForm(
      boardSettingsSchema,
      boardForm([
        ["approvals_required", "11"],
        ["organisations_required", "1.5"],
        ["review_interval_days", "29"],
        ["document_kinds", "memo"],
        ["network_ids", "not-a-uuid"],
      ]),
    );
    expect(parsed).toEqual({
      success: false,
      fieldErrors: {
        approvals_required: "invalid",
        organisations_required: "invalid",
        review_interval_days: "invalid",
        document_kinds: "invalid",
        network_ids: "invalid",
      },
    });
    expect(
      parseForm(
        boardSettingsSchema,
        boardForm([
          ["approvals_required", ""],
          ["organisations_required", "1"],
          ["review_interval_days", "1096"],
        ]),
      ),
    ).toEqual({
      success: false,
      fieldErrors: { approvals_required: "required", review_interval_days: "invalid" },
    });
  });

  it("asks for no more organisations than approvals", () => {
    expect(
      parseForm(
        boardSettingsSchema,
        boardForm([
          ["approvals_required", "2"],
          ["organisations_required", "3"],
          ["review_interval_days", "365"],
        ]),
      ),
    ).toEqual({ success: false, fieldErrors: { organisations_required: "invalid" } });
  });
});

describe("feedbackAnswerSchema", () => {
  it("takes a status and a trimmed reply; an empty reply is none", () => {
    expect(parseForm(feedbackAnswerSchema, { status: "done", reply: "  Korjattu.  " })).toEqual({
      success: true,
      data: { status: "done", reply: "Korjattu." },
    });
    expect(parseForm(feedbackAnswerSchema, { status: "in_progress", reply: "   " })).toEqual({
      success: true,
      data: { status: "in_progress", reply: null },
    });
  });

  it("refuses an unknown status and a reply longer than the table allows", () => {
    expect(
      parseForm(feedbackAnswerSchema, { status: "closed", reply: "x".repeat(5001) }),
    ).toEqual({ success: false, fieldErrors: { status: "invalid", reply: "tooLong" } });
  });
});

describe("the feedback queue's address", () => {
  it("shows the open ones unless another known filter is asked for", () => {
    expect(feedbackFilterOf(null)).toBe("open");
    expect(feedbackFilterOf("whatever")).toBe("open");
    expect(feedbackFilterOf("done")).toBe("done");
    expect(statusesOf("open")).toEqual(["new", "in_progress"]);
    expect(statusesOf("all")).toBeNull();
    expect(statusesOf("rejected")).toEqual(["rejected"]);
  });

  it("leaves the defaults out of links and reads only sensible page numbers", () => {
    expect(feedbackQueueUrl("open", 1)).toBe("/editorial/feedback");
    expect(feedbackQueueUrl("all", 3)).toBe("/editorial/feedback?status=all&page=3");
    expect(pageOf("2")).toBe(2);
    expect(pageOf("0")).toBe(1);
    expect(pageOf("1.5")).toBe(1);
    expect(pageOf(null)).toBe(1);
  });
});

describe("excerpt", () => {
  it("keeps short texts whole and cuts long ones at a word", () => {
    expect(excerpt("  Väärä   pykälä  ")).toBe("Väärä pykälä");
    const long = "Kappaleessa viitataan kumottuun lakiin ja siksi ohje antaa väärän kuvan";
    expect(excerpt(long, 40)).toBe("Kappaleessa viitataan kumottuun lakiin…");
    expect(long.startsWith(excerpt(long, 40).slice(0, -1))).toBe(true);
  });
});
