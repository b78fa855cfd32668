import { describe, expect, it } from "vitest";
import { directoryFilters, similarNameQuery } from "~/lib/network-directory.server";
import { slugify } from "~/lib/network-form";

describe("a new network's address", () => {
  it("is the Finnish name in lower-case ASCII words joined by hyphens", () => {
    expect(slugify("Työttömyysturvan verkosto 2025")).toBe("tyottomyysturvan-verkosto-2025");
    expect(slugify("  Åbolands nätverk – Över gränserna! ")).toBe(
      "abolands-natverk-over-granserna",
    );
    expect(slugify("Ohjaamo & nuoret")).toBe("ohjaamo-nuoret");
  });

  it("is never the creation page's own address, nor too long for the database", () => {
    expect(slugify("New")).toBe("new-network");
    const long = slugify("verkosto ".repeat(30));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe("the directory's query string", () => {
  it("reads known filters and ignores the rest", () => {
    const filters = directoryFilters(
      new URLSearchParams("q= työttö &kind=ict&org=not-a-uuid&mine=1&sort=nonsense&page=-2"),
    );
    expect(filters).toMatchObject({
      q: "työttö",
      kind: "ict",
      org: null,
      mine: true,
      active: false,
      archived: false,
      sort: "activity",
      page: 1,
    });
    expect(directoryFilters(new URLSearchParams("kind=secret")).kind).toBeNull();
  });

  it("looks for networks like a name by any of its words", () => {
    expect(similarNameQuery("Työttömyysturvan alueellinen verkosto")).toBe(
      "Työttömyysturvan or alueellinen or verkosto",
    );
    expect(similarNameQuery('ICT -"or" ja')).toBe("ICT");
  });
});
