import { describe, expect, it } from "vitest";
import { parsePromoteForm, postedPromoteValues } from "~/lib/interpretation-form";
import {
  answerIdOf,
  answerIntentOf,
  answerPersonalData,
  parseAnswerReferences,
} from "~/lib/sparring-answer-form";

const section = "0b6e1d6c-6a8f-5c3e-9f7e-0d1f2a3b4c5d";
const other = "1c7f2e7d-7b9a-4d4f-8a8f-1e2a3b4c5d6e";
const interpretation = "c0c0c0c0-0000-4000-8000-000000000001";
/** A valid identity code (check character T). */
const identityCode = "131052-308T";

describe("parseAnswerReferences", () => {
  it("takes the chosen sections once each and the interpretation, or none", () => {
    expect(
      parseAnswerReferences({
        sectionIds: [section, other, section.toUpperCase()],
        interpretationId: ` ${interpretation} `,
      }),
    ).toEqual({
      success: true,
      data: { sectionIds: [section, other], interpretationIds: [interpretation] },
    });
    expect(parseAnswerReferences({ sectionIds: [], interpretationId: "" })).toEqual({
      success: true,
      data: { sectionIds: [], interpretationIds: [] },
    });
    expect(parseAnswerReferences({})).toEqual({
      success: true,
      data: { sectionIds: [], interpretationIds: [] },
    });
  });

  it("names the field of anything that is not an id", () => {
    expect(parseAnswerReferences({ sectionIds: ["380/2023 12 §"] })).toEqual({
      success: false,
      fieldErrors: { sectionIds: "invalid" },
    });
    expect(parseAnswerReferences({ interpretationId: "tulkinta-1" })).toEqual({
      success: false,
      fieldErrors: { interpretationId: "invalid" },
    });
  });

  it("refuses more sections than an answer could cite", () => {
    const many = Array.from(
      { length: 51 },
      (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    );
    expect(parseAnswerReferences({ sectionIds: many })).toMatchObject({ success: false });
  });
});

describe("answerPersonalData", () => {
  it("finds nothing in an answer about the law", () => {
    expect(
      answerPersonalData({
        text: "Lain 380/2023 12 §:n mukaan suunnitelma tarkistetaan 1.1.2025 alkaen.",
        html: "<p>Lain 380/2023 12 §:n mukaan suunnitelma tarkistetaan 1.1.2025 alkaen.</p>",
      }),
    ).toEqual([]);
  });

  it("names an identity code, a phone number and an e-mail address", () => {
    const text = `Asiakas ${identityCode}, puh. 040 123 4567, anna.asiakas@example.com`;
    expect(answerPersonalData({ text, html: `<p>${text}</p>` })).toEqual([
      "email",
      "identity_code",
      "phone",
    ]);
  });

  it("reads addresses hidden in a link's target", () => {
    expect(
      answerPersonalData({
        text: "Kysy lisää asiakkaalta.",
        html: '<p><a href="mailto:anna.asiakas@example.com">Kysy lisää</a> asiakkaalta.</p>',
      }),
    ).toEqual(["email"]);
  });

  it("lets a code with a wrong check character through (it is a reference, not a person)", () => {
    const text = "Diaarinumero 131052-308A.";
    expect(answerPersonalData({ text, html: `<p>${text}</p>` })).toEqual([]);
  });
});

describe("answer ids and intents", () => {
  it("takes an answer id and the page's intents only", () => {
    expect(answerIdOf({ answerId: interpretation.toUpperCase() })).toBe(interpretation);
    expect(answerIdOf({ answerId: "1" })).toBeNull();
    expect(answerIdOf({})).toBeNull();
    expect(answerIntentOf("endorse")).toBe("endorse");
    expect(answerIntentOf("accept")).toBe("accept");
    expect(answerIntentOf("promote")).toBeNull();
  });
});

describe("parsePromoteForm", () => {
  const valid = {
    title: "  Omaehtoisen opiskelun aloittaminen  ",
    issuingBody: "Juridinen sparrausverkosto",
    justification: "Laki edellyttää, että opiskelusta sovitaan ennen opintojen alkamista.",
    validFrom: "2026-01-01",
    validTo: "",
    supersedes: "",
    sectionIds: [section, section],
  };

  it("trims the text, reads empty optional fields as none and takes each section once", () => {
    expect(parsePromoteForm(valid)).toEqual({
      success: true,
      data: {
        title: "Omaehtoisen opiskelun aloittaminen",
        issuingBody: "Juridinen sparrausverkosto",
        justification: valid.justification,
        validFrom: "2026-01-01",
        validTo: null,
        supersedes: null,
        sectionIds: [section],
      },
    });
  });

  it("reports each field's first problem", () => {
    const result = parsePromoteForm({
      title: "Lyhy",
      issuingBody: "",
      justification: "x".repeat(20001),
      validFrom: "2026-02-30",
      validTo: "",
      supersedes: "ei-tunnus",
      sectionIds: ["12 §"],
    });
    expect(result).toEqual({
      success: false,
      personalData: [],
      fieldErrors: {
        title: "tooShort",
        issuingBody: "required",
        justification: "tooLong",
        validFrom: "invalidDate",
        supersedes: "invalid",
        sectionIds: "invalid",
      },
    });
  });

  it("refuses a validity that ends before it begins", () => {
    expect(
      parsePromoteForm({ ...valid, validFrom: "2026-03-01", validTo: "2026-02-28" }),
    ).toMatchObject({ success: false, fieldErrors: { validTo: "beforeValidFrom" } });
    expect(
      parsePromoteForm({ ...valid, validFrom: "2026-03-01", validTo: "2026-03-01" }),
    ).toMatchObject({ success: true });
  });

  it("refuses personal data in the title, the issuer and the justification, and names it", () => {
    expect(
      parsePromoteForm({
        ...valid,
        title: `Asiakkaan ${identityCode} opinnot`,
        justification: "Lisätietoja: anna.asiakas@example.com",
      }),
    ).toEqual({
      success: false,
      personalData: ["email", "identity_code"],
      fieldErrors: { title: "personalData", justification: "personalData" },
    });
  });

  it("shows again exactly what was typed", () => {
    expect(postedPromoteValues({ ...valid, validTo: undefined })).toEqual({
      title: valid.title,
      issuingBody: valid.issuingBody,
      justification: valid.justification,
      validFrom: "2026-01-01",
      validTo: "",
      supersedes: "",
      sectionIds: [section, section],
    });
  });
});
