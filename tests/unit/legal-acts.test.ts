import { describe, expect, it } from "vitest";
import {
  actIdFromSlug,
  actSlug,
  type LegalSection,
  matchesSectionQuery,
  sectionHeading,
  sectionLabel,
  sectionPath,
} from "~/lib/legal-acts";

function section(overrides: Partial<LegalSection>): LegalSection {
  return {
    id: "00000000-0000-4000-8000-000000000000",
    actId: "434/2003",
    chapter: null,
    section: "34",
    headingFi: "Asianosaisen kuuleminen",
    headingSv: "Hörande av part",
    headingEn: null,
    position: 340,
    ...overrides,
  };
}

describe("sectionLabel", () => {
  it("cites a section of an act numbered straight through", () => {
    const ref = { actId: "380/2023", chapter: null, section: "12" };
    expect(sectionLabel(ref, "fi")).toBe("380/2023 12 §");
    expect(sectionLabel(ref, "sv")).toBe("380/2023 12 §");
    expect(sectionLabel(ref, "en")).toBe("380/2023 section 12");
  });

  it("names the chapter of an act numbered per chapter, in each language's way", () => {
    const ref = { actId: "1290/2002", chapter: "2 a", section: "13" };
    expect(sectionLabel(ref, "fi")).toBe("1290/2002 2 a luku 13 §");
    expect(sectionLabel(ref, "sv")).toBe("1290/2002 2 a kap. 13 §");
    expect(sectionLabel(ref, "en")).toBe("1290/2002 chapter 2 a, section 13");
  });

  it("keeps a lettered section as it is written", () => {
    expect(sectionLabel({ actId: "434/2003", chapter: null, section: "49 a" }, "fi")).toBe(
      "434/2003 49 a §",
    );
  });
});

describe("act addresses", () => {
  it("turns an act number into a URL segment and back", () => {
    expect(actSlug("380/2023")).toBe("380-2023");
    expect(actSlug("1290/2002")).toBe("1290-2002");
    expect(actIdFromSlug("380-2023")).toBe("380/2023");
    expect(actIdFromSlug(actSlug("434/2003"))).toBe("434/2003");
  });

  it("refuses what is not an act number", () => {
    expect(() => actSlug("380-2023")).toThrow();
    expect(actIdFromSlug("380/2023")).toBeNull();
    expect(actIdFromSlug("abc-2023")).toBeNull();
    expect(actIdFromSlug("12345-2023")).toBeNull();
    expect(actIdFromSlug("")).toBeNull();
  });

  it("links a section to its divergence page", () => {
    expect(sectionPath({ actId: "380/2023", id: "abc" })).toBe("/legal/380-2023/abc");
  });
});

describe("sectionHeading", () => {
  it("falls back to Finnish when there is no translation", () => {
    const hearing = section({});
    expect(sectionHeading(hearing, "sv")).toBe("Hörande av part");
    expect(sectionHeading(hearing, "en")).toBe("Asianosaisen kuuleminen");
    expect(sectionHeading(hearing, "fi")).toBe("Asianosaisen kuuleminen");
  });
});

describe("matchesSectionQuery", () => {
  const hearing = section({});
  const refusing = section({
    actId: "1290/2002",
    chapter: "2 a",
    section: "4",
    headingFi: "Työstä kieltäytyminen",
    headingSv: null,
  });

  it("finds a section by its number, with or without the section sign", () => {
    expect(matchesSectionQuery(hearing, "34")).toBe(true);
    expect(matchesSectionQuery(hearing, "34 §")).toBe(true);
    expect(matchesSectionQuery(hearing, "3")).toBe(true);
    expect(matchesSectionQuery(hearing, "45")).toBe(false);
  });

  it("finds a section by chapter and number", () => {
    expect(matchesSectionQuery(refusing, "2 a 4")).toBe(true);
    expect(matchesSectionQuery(refusing, "2 a luku 4 §")).toBe(true);
    expect(matchesSectionQuery(refusing, "4")).toBe(true);
    expect(matchesSectionQuery(refusing, "2 b 4")).toBe(false);
  });

  it("finds a section by words of its heading in any language, ignoring case", () => {
    expect(matchesSectionQuery(hearing, "kuule")).toBe(true);
    expect(matchesSectionQuery(hearing, "Hörande")).toBe(true);
    expect(matchesSectionQuery(refusing, "kieltäytyminen työstä")).toBe(true);
    expect(matchesSectionQuery(refusing, "perusteleminen")).toBe(false);
  });

  it("lists everything for an empty query", () => {
    expect(matchesSectionQuery(hearing, "  ")).toBe(true);
  });
});
