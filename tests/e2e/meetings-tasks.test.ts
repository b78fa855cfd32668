/**
 * Meetings and tasks in a network workspace, as people use them: Kalle, who coordinates the
 * national unemployment-security network, arranges a meeting with one place; Aino registers and
 * gets it, Helmi is put on the waiting list; the meeting goes into a calendar as an .ics file.
 * Kalle adds a task for Aino and moves it along on the board with the keyboard-friendly
 * "Move" control. Every page on the way is checked with axe.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { helsinkiLocalToUtc, helsinkiToday } from "~/lib/meeting-form";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { withServerAndBrowser } from "../helpers/e2e-session";

const kalle = "kalle.koordinaattori@keha.example";
const aino = "aino.asiantuntija@tampere.example";
const helmi = "helmi.hakala@helsinki.example";
// From supabase/seed.sql: Kalle coordinates it, Aino and Helmi are members.
const network = "/networks/tyottomyysturvan-asiantuntijaverkosto";

const session = withServerAndBrowser();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const visit = (path: string) => session.open(path);

async function signInAs(email: string): Promise<void> {
  await session.signIn(email, { freshBrowser: true });
  page = session.page;
}

function notice(text: string) {
  return page.getByRole("status").filter({ hasText: text });
}

/** Unfolds an iCalendar file into its content lines (RFC 5545 §3.1). */
function contentLines(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((line) => line !== "");
}

// A meeting some seven weeks ahead, at 10–12 Helsinki time.
const day = helsinkiToday(new Date(Date.now() + 50 * 24 * 3600_000));
const meeting = {
  title: "Työnhakuvelvollisuuden sparraus",
  startsAt: `${day}T10:00`,
  endsAt: `${day}T12:00`,
  location: "KEHA-keskus, Tampere; kokoushuone Pyhä",
};
let meetingPath = "";

describe("a meeting with registration", () => {
  it("is arranged by the coordinator, with one place", async () => {
    await signInAs(kalle);
    await visit(`${network}/meetings`);
    await page.getByRole("heading", { level: 2, name: "Kokoukset ja tapahtumat" }).waitFor();
    await expectNoSeriousAxeViolations(page, "the meetings list");

    await page.getByRole("link", { name: "Uusi kokous" }).click();
    await page.getByRole("heading", { name: "Uusi kokous tai tapahtuma" }).waitFor();
    await page.getByLabel("Otsikko").fill(meeting.title);
    await page.getByLabel("Alkaa").fill(meeting.startsAt);
    await page.getByLabel("Päättyy").fill(meeting.endsAt);
    await page.getByLabel("Paikka", { exact: true }).fill(meeting.location);
    await page.getByLabel("Osallistujien enimmäismäärä").fill("1");
    const agenda = page.locator('#agenda[contenteditable="true"]');
    await agenda.click();
    await page.keyboard.type("Avaus ja kuulumiset");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Tapausesimerkit, kysymykset");
    await expectNoSeriousAxeViolations(page, "the new meeting form");
    await page.getByRole("button", { name: "Luo kokous" }).click();

    await notice("Kokous on luotu.").waitFor();
    meetingPath = new URL(page.url()).pathname;
    expect(meetingPath).toMatch(new RegExp(`^${network}/meetings/[0-9a-f-]{36}$`));
    await page.getByRole("heading", { level: 2, name: meeting.title }).waitFor();
    await page.getByText("0 / 1 ilmoittautunut").waitFor();
    await page.getByText("Tapausesimerkit, kysymykset").waitFor();
    await expectNoSeriousAxeViolations(page, "the meeting page of its coordinator");
  });

  it("gives the place to the first to register and puts the next on the waiting list", async () => {
    await signInAs(aino);
    await visit(meetingPath);
    await page.getByRole("button", { name: "Ilmoittaudu" }).click();
    await notice("Olet ilmoittautunut kokoukseen.").waitFor();
    await page.getByText("1 / 1 ilmoittautunut").waitFor();
    await expectNoSeriousAxeViolations(page, "the meeting page after registering");

    await signInAs(helmi);
    await visit(meetingPath);
    await page.getByRole("button", { name: "Ilmoittaudu" }).click();
    await notice("Kokous on täynnä, joten olet jonossa.").waitFor();
    await page.getByText("1 / 1 ilmoittautunut · 1 jonossa").waitFor();
    const waitlist = page.getByRole("list").filter({ hasText: "Helmi Hakala" });
    await waitlist.waitFor();
    await page.getByRole("button", { name: "Peru ilmoittautuminen" }).waitFor();

    await visit(`${network}/meetings`);
    const listed = page.getByRole("article").filter({ hasText: meeting.title });
    await listed.getByText("Olet jonossa").waitFor();
  });

  it("downloads into a calendar as an .ics file", async () => {
    await signInAs(aino);
    await visit(meetingPath);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Lataa kalenteriin (.ics)" }).click(),
    ]);
    const ics = await readFile((await download.path()) ?? "", "utf8");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const lines = contentLines(ics);
    const value = (name: string) =>
      lines.find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1);
    const utc = (local: string) =>
      (helsinkiLocalToUtc(local) ?? "").replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
    expect(value("DTSTART")).toBe(utc(meeting.startsAt));
    expect(value("DTEND")).toBe(utc(meeting.endsAt));
    expect(value("SUMMARY")).toBe(meeting.title);
    expect(value("LOCATION")).toBe("KEHA-keskus\\, Tampere\\; kokoushuone Pyhä");
    expect(value("UID")).toMatch(/^meeting-[0-9a-f-]{36}@/);
    expect(value("DESCRIPTION")).toContain("Avaus ja kuulumiset");
    expect(value("URL")).toBe(`${session.url}${meetingPath}`);
    expect(lines.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(1);
  });
});

describe("a task", () => {
  const title = "Kokoa tapausesimerkit sparraukseen";
  const yesterday = helsinkiToday(new Date(Date.now() - 24 * 3600_000));

  it("is added for a member, shows as overdue and moves along on the board", async () => {
    await signInAs(kalle);
    await visit(`${network}/tasks`);
    await page.getByRole("heading", { level: 2, name: "Tehtävät" }).waitFor();
    await page.getByLabel("Otsikko").fill(title);
    await page
      .getByLabel("Kuvaus")
      .fill("Kolme esimerkkiä, joissa työnhakuvelvollisuus jäi täyttymättä.");
    await page.getByLabel("Vastuuhenkilö").selectOption({ label: "Aino Asiantuntija" });
    await page.getByLabel("Määräpäivä").fill(yesterday);
    await page.getByRole("button", { name: "Lisää tehtävä" }).click();
    await notice("Tehtävä on lisätty.").waitFor();

    const row = page.getByRole("row").filter({ hasText: title });
    await row.getByText("Myöhässä").waitFor();
    // Cells: owner, due date, status, actions (the title is the row header).
    expect(await row.getByRole("cell").nth(0).textContent()).toBe("Aino Asiantuntija");
    expect(await row.getByRole("cell").nth(2).textContent()).toContain("Ei aloitettu");
    expect(await row.getAttribute("id")).toMatch(/^task-[0-9a-f-]{36}$/);
    await expectNoSeriousAxeViolations(page, "the tasks list");

    await page.getByRole("link", { name: "Taulu" }).click();
    await page.waitForURL((url) => url.searchParams.get("view") === "board");
    const notStarted = page.getByRole("region", { name: /^Ei aloitettu/ });
    await notStarted.getByRole("heading", { name: title }).waitFor();
    await expectNoSeriousAxeViolations(page, "the tasks board");

    await page.getByLabel(`Tila: ${title}`).selectOption("in_progress");
    await page.getByRole("button", { name: `Siirrä: ${title}` }).click();
    await notice("Tehtävän tila on muutettu.").waitFor();
    expect(new URL(page.url()).searchParams.get("view")).toBe("board");
    const inProgress = page.getByRole("region", { name: /^Työn alla/ });
    await inProgress.getByRole("heading", { name: title }).waitFor();
    expect(await notStarted.getByRole("heading", { name: title }).count()).toBe(0);

    await page.getByLabel(`Tila: ${title}`).selectOption("done");
    await page.getByRole("button", { name: `Siirrä: ${title}` }).click();
    await notice("Tehtävän tila on muutettu.").waitFor();
    const done = page.getByRole("region", { name: /^Valmis/ });
    const card = done.getByRole("listitem").filter({ hasText: title });
    await card.waitFor();
    // Done is never overdue.
    expect(await card.getByText("Myöhässä").count()).toBe(0);
  });
});
