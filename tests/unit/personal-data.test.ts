/**
 * The personal-data detector the sparring forms use: identity codes with every century sign and
 * their check characters, phone numbers in the ways Finns write them, e-mail addresses — and
 * the act numbers, sections, dates and sums of legal text, which must pass.
 */
import { describe, expect, it } from "vitest";
import {
  findPersonalData,
  findPossibleNames,
  isValidIdentityCode,
  personalDataKinds,
} from "~/lib/personal-data";
import {
  invalidIdentityCodes,
  personalDataCases,
  validIdentityCodes,
} from "../fixtures/personal-data-cases";

describe("isValidIdentityCode", () => {
  it.each(validIdentityCodes)("accepts %s", (code) => {
    expect(isValidIdentityCode(code)).toBe(true);
  });

  it.each(invalidIdentityCodes)("rejects %s", (code) => {
    expect(isValidIdentityCode(code)).toBe(false);
  });

  it("covers every century sign", () => {
    const signs = new Set(validIdentityCodes.map((code) => code[6]));
    expect([...signs].sort()).toEqual([..."+-ABCDEFUVWXY"].sort());
  });

  it("accepts lower case and surrounding spaces", () => {
    expect(isValidIdentityCode("131052-308t")).toBe(true);
    expect(isValidIdentityCode("  010101a123n ")).toBe(true);
  });

  it("checks the check character against DDMMYY and the individual number", () => {
    for (const check of "0123456789ABCDEFHJKLMNPRSUVWXY") {
      expect(isValidIdentityCode(`131052-308${check}`)).toBe(false);
    }
    expect(isValidIdentityCode("131052-308T")).toBe(true);
  });

  it("rejects the letters the check character set leaves out", () => {
    for (const letter of "GIOQZ") expect(isValidIdentityCode(`131052-308${letter}`)).toBe(false);
  });
});

describe("findPersonalData", () => {
  it.each(personalDataCases)("finds $kinds in $text", ({ text, kinds }) => {
    expect(personalDataKinds(text)).toEqual(kinds);
  });

  it("reports where each finding is, ordered and without overlaps", () => {
    const text = "Hetu 131052-308T, puhelin 040 123 4567 ja sähköposti asiakas@example.fi.";
    const findings = findPersonalData(text);
    expect(findings).toEqual([
      { kind: "identity_code", start: 5, end: 16, text: "131052-308T" },
      { kind: "phone", start: 26, end: 38, text: "040 123 4567" },
      { kind: "email", start: 53, end: 71, text: "asiakas@example.fi" },
    ]);
    for (const finding of findings)
      expect(text.slice(finding.start, finding.end)).toBe(finding.text);
  });

  it("takes the whole international number, the trunk zero included", () => {
    expect(findPersonalData("tel. +358 (0)9 310 1234.")).toEqual([
      { kind: "phone", start: 5, end: 23, text: "+358 (0)9 310 1234" },
    ]);
  });

  it("reports an identity code once, not also as a phone number", () => {
    expect(findPersonalData("010594Y9021")).toEqual([
      { kind: "identity_code", start: 0, end: 11, text: "010594Y9021" },
    ]);
  });

  it("finds each of several of a kind", () => {
    const findings = findPersonalData("a@example.fi, b@example.fi; 040 1234567 / 050 7654321");
    expect(findings.map((finding) => finding.text)).toEqual([
      "a@example.fi",
      "b@example.fi",
      "040 1234567",
      "050 7654321",
    ]);
  });

  it("finds nothing in an empty text", () => {
    expect(findPersonalData("")).toEqual([]);
  });
});

describe("findPossibleNames", () => {
  it("finds a common first name followed by a surname", () => {
    expect(
      findPossibleNames("Asiakas Matti Virtanen haki tukea, samoin Päivi Ärrälä-Koski."),
    ).toEqual(["Matti Virtanen", "Päivi Ärrälä-Koski"]);
  });

  it("lists each name once", () => {
    expect(findPossibleNames("Liisa Lakimies ja taas Liisa Lakimies")).toEqual(["Liisa Lakimies"]);
  });

  it("ignores a first name alone, in lower case or inside a word", () => {
    expect(findPossibleNames("matti virtanen, Matti ja Mattila Oy, AnnaLiisa Korhonen")).toEqual(
      [],
    );
  });

  it("ignores legal text", () => {
    expect(findPossibleNames("Laki työvoimapalveluiden järjestämisestä 380/2023 12 §")).toEqual([]);
  });
});

describe("long text", () => {
  // Answers may be 200,000 characters of HTML: a pattern that restarts inside a long word would
  // take minutes on them.
  it.each([
    ["one long word", "x".repeat(200_000)],
    ["digits", "0".repeat(200_000)],
    ["dotted letters", "a.".repeat(100_000)],
    ["numbers and spaces", "1 ".repeat(100_000)],
  ])("scans %s of 200,000 characters in well under a second", (_name, text) => {
    const started = performance.now();
    expect(findPersonalData(text)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
