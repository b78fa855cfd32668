import { describe, expect, it } from "vitest";
import {
  parseInterpretationFields,
  parseLegalReferences,
  postedInterpretationFields,
} from "~/lib/interpretation-fields-form";
import {
  citableUrl,
  librarySectionUrl,
  refusedPersonalData,
  sectionFilterOf,
} from "~/lib/interpretations";

const section = "0b8f3c55-5c7e-4c1d-9a44-1f2a3b4c5d6e";
const other = "c0c0c0c0-0000-4000-8000-000000000001";

describe("the interpretation fields form", () => {
  const valid = {
    issuingBody: "  Juridinen sparrausverkosto ",
    justification: "Laki 380/2023 12 § edellyttää suunnitelmaa.",
    validFrom: "2025-01-01",
    validTo: "",
    supersedes: "",
  };

  it("trims the texts and takes empty optional fields as none", () => {
    expect(parseInterpretationFields(valid)).toEqual({
      success: true,
      data: {
        issuingBody: "Juridinen sparrausverkosto",
        justification: "Laki 380/2023 12 § edellyttää suunnitelmaa.",
        validFrom: "2025-01-01",
        validTo: null,
        supersedes: null,
      },
    });
  });

  it("needs an issuing body and a start date", () => {
    expect(parseInterpretationFields({ ...valid, issuingBody: "  ", validFrom: "" })).toEqual({
      success: false,
      fieldErrors: { issuingBody: "required", validFrom: "required" },
      personalData: [],
    });
    expect(parseInterpretationFields({ ...valid, issuingBody: "K" })).toMatchObject({
      success: false,
      fieldErrors: { issuingBody: "tooShort" },
    });
  });

  it("refuses impossible dates and an end before the start", () => {
    expect(parseInterpretationFields({ ...valid, validFrom: "2025-02-30" })).toMatchObject({
      success: false,
      fieldErrors: { validFrom: "invalidDate" },
    });
    expect(parseInterpretationFields({ ...valid, validTo: "2024-12-31" })).toMatchObject({
      success: false,
      fieldErrors: { validTo: "beforeValidFrom" },
    });
    expect(parseInterpretationFields({ ...valid, validTo: "2025-01-01" })).toMatchObject({
      success: true,
      data: { validTo: "2025-01-01" },
    });
  });

  it("takes only an id as the superseded interpretation", () => {
    expect(parseInterpretationFields({ ...valid, supersedes: "tulkinta-1" })).toMatchObject({
      success: false,
      fieldErrors: { supersedes: "invalid" },
    });
    expect(parseInterpretationFields({ ...valid, supersedes: other })).toMatchObject({
      success: true,
      data: { supersedes: other },
    });
  });

  it("finds personal data in the issuing body and the justification, and names its kinds", () => {
    expect(
      parseInterpretationFields({
        ...valid,
        justification: "Asiakas 131052-308T soitti numerosta 040 123 4567.",
      }),
    ).toEqual({
      success: false,
      fieldErrors: { justification: "personalData" },
      personalData: ["identity_code", "phone"],
    });
    expect(
      parseInterpretationFields({ ...valid, issuingBody: "liisa.lakimies@kuntaliitto.example" }),
    ).toMatchObject({
      success: false,
      fieldErrors: { issuingBody: "personalData" },
      personalData: ["email"],
    });
  });

  it("gives back what was typed", () => {
    expect(postedInterpretationFields({ issuingBody: "X", validTo: 3 })).toEqual({
      issuingBody: "X",
      justification: "",
      validFrom: "",
      validTo: "",
      supersedes: "",
    });
  });
});

describe("the legal references form", () => {
  it("takes distinct section ids, none being a choice too", () => {
    expect(parseLegalReferences({ sectionIds: [section, section.toUpperCase(), other] })).toEqual({
      success: true,
      data: [section, other],
    });
    expect(parseLegalReferences({ sectionIds: [] })).toEqual({ success: true, data: [] });
    expect(parseLegalReferences({})).toEqual({ success: true, data: [] });
  });

  it("refuses anything that is not a section id", () => {
    expect(parseLegalReferences({ sectionIds: [section, "12 §"] })).toEqual({ success: false });
  });
});

describe("the database's personal-data refusal", () => {
  it("names what the guard found", () => {
    expect(
      refusedPersonalData({
        code: "23514",
        message: "personal data in justification",
        details: "identity_code,email",
      }),
    ).toEqual(["identity_code", "email"]);
  });

  it("is not confused with other check violations", () => {
    expect(
      refusedPersonalData({
        code: "23514",
        message: 'new row violates check constraint "interpretations_valid_period"',
      }),
    ).toBeNull();
    expect(refusedPersonalData({ code: "42501", message: "personal data in title" })).toBeNull();
  });

  it("names every kind when the detail is missing", () => {
    expect(refusedPersonalData({ code: "23514", message: "personal data in title" })).toEqual([
      "identity_code",
      "phone",
      "email",
    ]);
  });
});

describe("library addresses", () => {
  it("makes the citable address absolute", () => {
    expect(citableUrl("https://verkko.example/", "tulkinta-12", 3)).toBe(
      "https://verkko.example/library/tulkinta-12/v/3",
    );
  });

  it("reads the section filter only when it is an id", () => {
    expect(sectionFilterOf(new URLSearchParams({ section: section.toUpperCase() }))).toBe(section);
    expect(sectionFilterOf(new URLSearchParams({ section: "380/2023 12 §" }))).toBeNull();
    expect(sectionFilterOf(new URLSearchParams())).toBeNull();
  });

  it("keeps both filters in the list's links", () => {
    expect(librarySectionUrl({ kind: "all", section: null })).toBe("/library");
    expect(librarySectionUrl({ kind: "interpretation", section }, 2)).toBe(
      `/library?kind=interpretation&section=${section}&page=2`,
    );
  });
});
