/**
 * Interpretations on the document and in the library, as the people involved would use them:
 * Liisa (Kuntaliitto), who promoted the seeded interpretation on bought-in coaching, is stopped
 * by the personal-data guard when she writes an identity code into its justification, then sets
 * its validity and adds a section to its legal basis. Paula (KEHA), who is not in the sparring
 * network, finds the interpretations in the library by their act section, with and without
 * scripts, sees that the older one is superseded and follows it to the newer one, which shows its
 * legal basis, that it is a non-binding recommendation and its citable address. Every page on the
 * way is checked with axe.
 */
import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { withServerAndBrowser } from "../helpers/e2e-session";

const liisa = "liisa.lakimies@kuntaliitto.example";
const paula = "paula.paakayttaja@keha.example";

/** Liisa's interpretation (supabase/seed.sql), which supersedes Helmi's. */
const newerId = "f3f3f3f3-0000-4000-8000-000000000002";
const newerSlug = "ostopalveluna-hankittu-valmennus-julkisena-tyovoimapalveluna";
const newerTitle =
  "Tulkintasuositus: ostopalveluna hankittu valmennus ja julkisen työvoimapalvelun käsite";
const olderSlug = "kunnan-omarahoitteinen-valmennus-julkisena-tyovoimapalveluna";
const olderTitle = "Tulkintasuositus: kunnan omarahoitteinen valmennus julkisena työvoimapalveluna";

/** Section ids are the same in every installation: md5(act:chapter:section) as a uuid. */
function sectionId(act: string, chapter: string | null, section: string): string {
  const hex = createHash("md5")
    .update(`${act}:${chapter ?? ""}:${section}`)
    .digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const publicServices = sectionId("380/2023", null, "2");
const hearing = sectionId("434/2003", null, "34");

const session = withServerAndBrowser();
let page: Page;
beforeEach(() => {
  page = session.page;
});

describe("an interpretation's fields and legal references", () => {
  it("refuses personal data in the justification, naming it, and keeps what was typed", async () => {
    await session.signIn(liisa);
    await session.open(`/documents/${newerId}`);
    await page.getByRole("link", { name: "Lakiviittaukset", exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/documents/${newerId}/legal`);
    await page.getByRole("heading", { name: "Tulkinnan tiedot", exact: true }).waitFor();
    expect(await page.getByLabel("Antaja", { exact: true }).inputValue()).toBe(
      "Juridinen sparrausverkosto",
    );
    expect(
      await page
        .getByLabel("Korvaa tulkinnan", { exact: true })
        .locator("option:checked")
        .textContent(),
    ).toBe(olderTitle);
    await expectNoSeriousAxeViolations(page, "the legal references tab of an interpretation");

    const withCode = "Tapauksessa 131052-308T opinnot alkoivat ennen suunnitelmaa.";
    await page.getByLabel("Perustelut", { exact: true }).fill(withCode);
    await page.getByRole("button", { name: "Tallenna tiedot", exact: true }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Tallentaminen ei onnistunut" });
    await summary.waitFor();
    expect(await summary.textContent()).toContain("henkilötunnus");
    expect(await page.getByLabel("Perustelut", { exact: true }).inputValue()).toBe(withCode);
    await expectNoSeriousAxeViolations(page, "the interpretation fields refused");
  });

  it("saves the validity and the legal basis for the next publication", async () => {
    await session.signIn(liisa);
    await session.open(`/documents/${newerId}/legal`);
    await page.getByLabel("Voimassa asti", { exact: true }).fill("2027-12-31");
    await page.getByRole("button", { name: "Tallenna tiedot", exact: true }).click();
    await page.getByText("Tulkinnan tiedot tallennettiin.").waitFor();
    expect(await page.getByLabel("Voimassa asti", { exact: true }).inputValue()).toBe("2027-12-31");

    // The section picker: choose the act, then the section, then add it.
    await page.getByLabel(/^(Laki|Säädös)$/).selectOption("434/2003");
    await page.getByLabel("Pykälä", { exact: true }).selectOption(hearing);
    await page.getByRole("button", { name: "Lisää pykälä", exact: true }).click();
    await page.getByRole("button", { name: "Tallenna lainkohdat", exact: true }).click();
    await page.getByText("Lainkohdat tallennettiin.").waitFor();
    await page.getByRole("button", { name: /^Poista 434\/2003 34 §/ }).waitFor();
    await page.getByRole("button", { name: /^Poista 380\/2023 2 §/ }).waitFor();
    await expectNoSeriousAxeViolations(page, "the legal references tab after saving");

    // The library still shows what the board approved: the new section waits for publication.
    await session.open(`/library/${newerSlug}`);
    const basis = page.getByRole("list", { name: "Oikeusperusta" });
    await basis.waitFor();
    expect(await basis.textContent()).not.toContain("434/2003 34 §");
  });
});

describe("interpretations in the library", () => {
  it("are found by their act section, the superseded one marked", async () => {
    await session.signIn(paula);
    await session.open("/library");
    await page.getByLabel("Lainkohta", { exact: true }).selectOption(publicServices);
    await page.getByRole("button", { name: "Suodata", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("section") === publicServices);
    await page.getByRole("heading", { name: "Lainkohtaan 380/2023 2 § viittaavat" }).waitFor();
    await page.getByRole("link", { name: newerTitle, exact: true }).waitFor();
    const older = page.getByRole("listitem").filter({
      has: page.getByRole("link", { name: olderTitle, exact: true }),
    });
    expect(await older.textContent()).toContain("Korvattu");
    await expectNoSeriousAxeViolations(page, "the library filtered by a section");

    await page.getByRole("link", { name: "Katso eri organisaatioiden tulkinnat" }).click();
    await page.waitForURL((url) => url.pathname === `/legal/380-2023/${publicServices}`);
  });

  it("are filtered by section without scripts as well", async () => {
    await session.relaunch({ javaScript: false });
    page = session.page;
    await session.signIn(paula);
    await session.open("/library?kind=interpretation");
    await page.getByLabel("Lainkohta", { exact: true }).selectOption(hearing);
    await page.getByRole("button", { name: "Suodata", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("section") === hearing);
    // The kind chosen first is kept: only interpretations citing 434/2003 34 §.
    expect(new URL(page.url()).searchParams.get("kind")).toBe("interpretation");
    await page.getByRole("heading", { name: "Lainkohtaan 434/2003 34 § viittaavat" }).waitFor();
    await page
      .getByRole("link", {
        name: "Työttömyysturvan työvoimapoliittiset edellytykset – soveltamisohje",
      })
      .waitFor();
    expect(await page.getByRole("link", { name: newerTitle, exact: true }).count()).toBe(0);
  });

  it("say when an interpretation is superseded and lead to the one that replaces it", async () => {
    await session.signIn(paula);
    await session.open(`/library/${olderSlug}`);
    const notice = page.getByRole("status").filter({ hasText: "Tämä tulkinta on korvattu" });
    await notice.waitFor();
    await expectNoSeriousAxeViolations(page, "a superseded interpretation");
    await notice.getByRole("link", { name: /Lue korvaava tulkinta/ }).click();
    await page.waitForURL((url) => url.pathname === `/library/${newerSlug}`);

    const record = page.getByRole("region", { name: "Tulkinnan tiedot" });
    await record.waitFor();
    const text = (await record.textContent()) ?? "";
    expect(text).toContain("Ei-sitova suositus");
    expect(text).toContain("Juridinen sparrausverkosto");
    expect(text).toContain("toistaiseksi");
    const basis = record.getByRole("list", { name: "Oikeusperusta" });
    await basis.getByRole("link", { name: "380/2023 2 §" }).waitFor();
    await basis.getByRole("link", { name: "380/2023 3 §" }).waitFor();
    await record.getByRole("link", { name: olderTitle, exact: true }).waitFor();
    // Paula is not in the sparring network: the question stays out of her sight.
    expect(await record.getByText("Kysymys, josta tulkinta syntyi").count()).toBe(0);

    const address = page.getByRole("region", { name: "Pysyvä osoite" });
    await address.getByRole("link", { name: `${session.url}/library/${newerSlug}/v/1` }).waitFor();
    await address.getByRole("button", { name: "Kopioi osoite" }).click();
    await expect
      .poll(() => address.getByRole("status").textContent())
      .toMatch(/Osoite kopioitiin leikepöydälle\.|Kopiointi ei onnistunut/);
    await expectNoSeriousAxeViolations(page, "an interpretation in the library");

    await basis.getByRole("link", { name: "380/2023 2 §" }).click();
    await page.waitForURL((url) => url.pathname === `/legal/380-2023/${publicServices}`);
  });
});
