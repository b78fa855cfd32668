import { describe, expect, it } from "vitest";
import { parseFeedbackForm, postedFeedbackValues } from "~/lib/feedback-form";

describe("a reader's feedback form", () => {
  it("accepts feedback on the whole document without a suggestion", () => {
    expect(
      parseFeedbackForm({ paragraph: "", problem: "  Väärä pykälä.  ", suggestion: " " }, 3),
    ).toEqual({
      success: true,
      data: { paragraph: null, problem: "Väärä pykälä.", suggestion: null },
    });
  });

  it("accepts feedback on a paragraph of the version, with a suggestion", () => {
    expect(
      parseFeedbackForm({ paragraph: "2", problem: "Vanhentunut.", suggestion: "Päivitä." }, 3),
    ).toEqual({
      success: true,
      data: { paragraph: 2, problem: "Vanhentunut.", suggestion: "Päivitä." },
    });
  });

  it("asks what should be corrected", () => {
    expect(parseFeedbackForm({ paragraph: "", problem: "   " }, 3)).toEqual({
      success: false,
      fieldErrors: { problem: "problemRequired" },
    });
    expect(parseFeedbackForm({}, 3)).toEqual({
      success: false,
      fieldErrors: { problem: "problemRequired" },
    });
  });

  it("refuses a paragraph the version does not have", () => {
    for (const paragraph of ["3", "-1", "1.5", "kaksi", "9999999"]) {
      const result = parseFeedbackForm({ paragraph, problem: "Virhe." }, 3);
      expect(result).toEqual({ success: false, fieldErrors: { paragraph: "paragraphInvalid" } });
    }
  });

  it("refuses texts longer than the database keeps", () => {
    expect(
      parseFeedbackForm({ problem: "a".repeat(5001), suggestion: "b".repeat(5001) }, 1),
    ).toEqual({
      success: false,
      fieldErrors: { problem: "problemTooLong", suggestion: "suggestionTooLong" },
    });
  });

  it("gives back what was typed, so nothing is lost when it is refused", () => {
    expect(
      postedFeedbackValues({ paragraph: "1", problem: "Virhe", suggestion: undefined }),
    ).toEqual({ paragraph: "1", problem: "Virhe", suggestion: "" });
  });
});
