import { describe, expect, it } from "vitest";
import {
  digestTranslators,
  maxDigestItems,
  renderDigestEmail,
} from "../../server/jobs/digest-email";
import { startIntervalJobs } from "../../server/jobs/interval-jobs";
import { localTime } from "../../server/jobs/scheduler";

describe("local time for the daily jobs", () => {
  it("is Helsinki's date and time, winter (UTC+2) and summer (UTC+3)", () => {
    expect(localTime(new Date("2025-11-24T05:00:00Z"), "Europe/Helsinki")).toEqual({
      date: "2025-11-24",
      minuteOfDay: 7 * 60,
    });
    expect(localTime(new Date("2025-06-30T04:30:00Z"), "Europe/Helsinki")).toEqual({
      date: "2025-06-30",
      minuteOfDay: 7 * 60 + 30,
    });
    // Just after midnight in Helsinki is still the previous day in UTC.
    expect(localTime(new Date("2025-11-23T22:30:00Z"), "Europe/Helsinki").date).toBe("2025-11-24");
  });
});

describe("the digest e-mail", () => {
  const item = {
    kind: "task_assigned",
    link: "/networks/palkkatuki/tasks#task-1",
    data: { actor_name: "Kalle", title: "Kokoa\nlausunnot" },
    created_at: "2025-11-24T06:15:00Z",
  };

  it("lists the notifications with absolute links, one line per notification", async () => {
    const translators = await digestTranslators();
    const mail = renderDigestEmail(
      translators.en,
      { email: "aino@tampere.test", displayName: "Aino", locale: "en", notifications: [item] },
      "https://verkko.example",
    );
    expect(mail.to).toBe("aino@tampere.test");
    expect(mail.subject).toBe("Verkko: 1 unread notification");
    expect(mail.text).toContain("Hello Aino,");
    expect(mail.text).toContain(
      "- Kalle assigned you the task “Kokoa lausunnot” (11/24/25, 8:15 AM)\n  https://verkko.example/networks/palkkatuki/tasks#task-1",
    );
  });

  it("never links off the site, and says how many more there are beyond the list", async () => {
    const translators = await digestTranslators();
    const many = Array.from({ length: maxDigestItems + 3 }, () => ({
      ...item,
      link: "//evil.example/x",
    }));
    const mail = renderDigestEmail(
      translators.fi,
      { email: "aino@tampere.test", displayName: "", locale: "fi", notifications: many },
      "https://verkko.example",
    );
    expect(mail.text).not.toContain("evil.example");
    expect(mail.text).toContain("https://verkko.example/notifications");
    expect(mail.text.startsWith("Hei,\n")).toBe(true);
    expect(mail.text).toContain("…ja 3 muuta.");
    expect(mail.subject).toBe(`Verkko: ${maxDigestItems + 3} lukematonta ilmoitusta`);
  });
});

describe("jobs that run every minute", () => {
  it("never overlap a run of themselves, report failures and wait for a running job on stop", async () => {
    let release: () => void = () => {};
    let runs = 0;
    const errors: string[] = [];
    const jobs = startIntervalJobs({
      runAtStart: false,
      reportError: (message) => errors.push(message),
      jobs: [
        {
          name: "slow",
          everyMs: 3_600_000,
          run: () => {
            runs += 1;
            return new Promise<void>((resolve) => {
              release = resolve;
            });
          },
        },
        {
          name: "broken",
          everyMs: 3_600_000,
          run: async () => {
            throw new Error("the database is down");
          },
        },
      ],
    });
    const first = jobs.runAll();
    const second = jobs.runAll();
    expect(runs).toBe(1);
    let stopped = false;
    const stopping = jobs.stop().then(() => {
      stopped = true;
    });
    await Promise.resolve();
    expect(stopped).toBe(false);
    release();
    await Promise.all([first, second, stopping]);
    expect(stopped).toBe(true);
    expect(errors).toEqual(["Job broken failed; it runs again in 3600000 ms"]);
    await jobs.runAll();
    expect(runs).toBe(1);
  });
});
