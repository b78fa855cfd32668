import { describe, expect, it } from "vitest";
import {
  maskFinding,
  parseQuestionForm,
  personalDataSightings,
  type QuestionFormValues,
  questionFormValues,
  refusedField,
  similarQuery,
  splitTags,
} from "~/lib/sparring-question-form";

const section = "0f6a1c1e-5a0b-4d8e-9c7a-2b1e3d4f5a6b";
const identityCode = "131052-308T";

function values(fields: Partial<QuestionFormValues>): QuestionFormValues {
  return {
    title: "Opintojen aloittaminen kesken suunnitelman",
    body: "",
    tags: "",
    sections: [],
    ...fields,
  };
}

describe("parseQuestionForm: what a question needs", () => {
  it("takes a trimmed title, body, tags and sections", () => {
    expect(
      parseQuestionForm(
        values({
          title: "  Omaehtoinen opiskelu  ",
          body: " Voiko tukea myöntää takautuvasti? ",
          tags: "opiskelu, Työllistymissuunnitelma, , opiskelu",
          sections: [section.toUpperCase(), section],
        }),
      ),
    ).toEqual({
      success: true,
      data: {
        title: "Omaehtoinen opiskelu",
        body: "Voiko tukea myöntää takautuvasti?",
        tags: ["opiskelu", "Työllistymissuunnitelma"],
        sectionIds: [section],
      },
    });
  });

  it("wants a title of 5 to 200 characters", () => {
    expect(parseQuestionForm(values({ title: "   " }))).toEqual({
      success: false,
      fieldErrors: { title: { key: "titleRequired" } },
    });
    expect(parseQuestionForm(values({ title: "Tuki" }))).toEqual({
      success: false,
      fieldErrors: { title: { key: "titleTooShort" } },
    });
    expect(parseQuestionForm(values({ title: "Tukea" })).success).toBe(true);
    expect(parseQuestionForm(values({ title: "a".repeat(200) })).success).toBe(true);
    expect(parseQuestionForm(values({ title: "a".repeat(201) }))).toEqual({
      success: false,
      fieldErrors: { title: { key: "titleTooLong" } },
    });
  });

  it("limits the body, the tags and the sections", () => {
    expect(parseQuestionForm(values({ body: "sana ".repeat(4000) })).success).toBe(true);
    expect(parseQuestionForm(values({ body: `${"sana ".repeat(4000)}x` }))).toEqual({
      success: false,
      fieldErrors: { body: { key: "bodyTooLong" } },
    });
    const ten = Array.from({ length: 10 }, (_, index) => `aihe${index}`).join(",");
    expect(parseQuestionForm(values({ tags: ten })).success).toBe(true);
    expect(parseQuestionForm(values({ tags: `${ten},aihe10` }))).toEqual({
      success: false,
      fieldErrors: { tags: { key: "tooManyTags" } },
    });
    expect(parseQuestionForm(values({ tags: `ok, ${"a".repeat(41)}` }))).toEqual({
      success: false,
      fieldErrors: { tags: { key: "tagTooLong" } },
    });
    expect(parseQuestionForm(values({ sections: ["12 §"] }))).toEqual({
      success: false,
      fieldErrors: { sections: { key: "sectionInvalid" } },
    });
  });

  it("reports every field's first problem at once", () => {
    const result = parseQuestionForm(values({ title: "", body: `${"sana ".repeat(4000)}y` }));
    expect(result).toEqual({
      success: false,
      fieldErrors: { title: { key: "titleRequired" }, body: { key: "bodyTooLong" } },
    });
  });
});

describe("parseQuestionForm: the personal-data guard", () => {
  it("refuses an identity code in the body and says what it is", () => {
    expect(
      parseQuestionForm(values({ body: `Asiakkaamme (${identityCode}) aloitti opinnot.` })),
    ).toEqual({
      success: false,
      fieldErrors: { body: { key: "personalData", kinds: ["identity_code"] } },
    });
  });

  it("refuses a lower-case identity code in the title", () => {
    const result = parseQuestionForm(values({ title: "Asiakas 010101a123n ja opinnot" }));
    expect(result).toEqual({
      success: false,
      fieldErrors: { title: { key: "personalData", kinds: ["identity_code"] } },
    });
  });

  it("names each kind once, in a fixed order, whatever order they were written in", () => {
    expect(
      parseQuestionForm(
        values({
          body: `Soita 040 123 4567 tai kirjoita matti@example.fi; ${identityCode}; 050 765 4321.`,
        }),
      ),
    ).toEqual({
      success: false,
      fieldErrors: { body: { key: "personalData", kinds: ["identity_code", "phone", "email"] } },
    });
  });

  it("reads the tags as the database checks them, joined with spaces", () => {
    expect(parseQuestionForm(values({ tags: "opiskelu, neuvonta@kunta.fi" }))).toEqual({
      success: false,
      fieldErrors: { tags: { key: "personalData", kinds: ["email"] } },
    });
    // Split at the comma, "040 123" and "4567" become one phone number once stored.
    expect(parseQuestionForm(values({ tags: "040 123, 4567" }))).toEqual({
      success: false,
      fieldErrors: { tags: { key: "personalData", kinds: ["phone"] } },
    });
    expect(personalDataSightings({ title: "", body: "", tags: "040 123, 4567" })).toHaveLength(1);
  });

  it("lets through what only looks like personal data", () => {
    const result = parseQuestionForm(
      values({
        // A wrong check character, act numbers, sections, dates, a diary number and a sum.
        body: "Viite 131052-308A, 380/2023 12 §, 1290/2002 2 a luku 13 §, 1.1.2025, VN/1234/2024, 1 234,56 €.",
      }),
    );
    expect(result.success).toBe(true);
  });

  it("never takes a name for a reason to refuse", () => {
    expect(parseQuestionForm(values({ body: "Matti Virtanen kysyi tästä." })).success).toBe(true);
  });
});

describe("the warning shown while typing", () => {
  it("masks identity codes after the date and century sign", () => {
    expect(maskFinding({ kind: "identity_code", text: identityCode })).toBe("131052-****");
  });

  it("keeps the first digits and separators of a phone number", () => {
    expect(maskFinding({ kind: "phone", text: "040 123 4567" })).toBe("040 *** ****");
    expect(maskFinding({ kind: "phone", text: "+358 40 123 4567" })).toBe("+358 ** *** ****");
  });

  it("keeps the first letter and the domain of an e-mail address", () => {
    expect(maskFinding({ kind: "email", text: "matti.virtanen@kunta.fi" })).toBe("m***@kunta.fi");
  });

  it("says in which field each finding is", () => {
    expect(
      personalDataSightings({
        title: "Puhelu numerosta 040 123 4567",
        body: `Tunnus ${identityCode}`,
        tags: "a@b.fi",
      }),
    ).toEqual([
      { field: "title", kind: "phone", masked: "040 *** ****" },
      { field: "body", kind: "identity_code", masked: "131052-****" },
      { field: "tags", kind: "email", masked: "a***@b.fi" },
    ]);
  });
});

describe("form helpers", () => {
  it("reads the posted fields, sections repeated", () => {
    const form = new FormData();
    form.append("title", "Otsikko");
    form.append("body", "Kuvaus");
    form.append("sections", section);
    form.append("sections", "");
    form.append("sections", "b0b0b0b0-0000-4000-8000-000000000001");
    expect(questionFormValues(form)).toEqual({
      title: "Otsikko",
      body: "Kuvaus",
      tags: "",
      sections: [section, "b0b0b0b0-0000-4000-8000-000000000001"],
    });
  });

  it("splits tags on commas, dropping empties and repeats in any case", () => {
    expect(splitTags(" Opiskelu,opiskelu , ,tuki ")).toEqual(["Opiskelu", "tuki"]);
  });

  it("finds the field the database refused", () => {
    expect(refusedField("personal data in body")).toBe("body");
    expect(refusedField("personal data in tags")).toBe("tags");
    expect(refusedField("personal data in something_else")).toBe("title");
    expect(refusedField(null)).toBe("title");
  });

  it("leaves personal data out of the similar-items search", () => {
    expect(similarQuery("Opinnot ja tuki", `Asiakas ${identityCode} soitti 040 123 4567.`)).toBe(
      "Opinnot ja tuki Asiakas soitti .",
    );
  });
});
