/**
 * A network's people, as its coordinator and the people joining it see them: the coordinator
 * invites a colleague by e-mail and finds another by name, the colleague accepts on their
 * invitations page and lands in the network; someone asks to join and the coordinator approves;
 * removing a member asks for confirmation; the settings page records the yearly review. Every
 * page on the way is checked with axe.
 */
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import type { Page } from "playwright-core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { deriveApiKeys, developmentJwtSecret } from "../../server/embedded/keys";
import { expectNoSeriousAxeViolations } from "../helpers/axe";
import { demoPassword, withServerAndBrowser } from "../helpers/e2e-session";

const password = demoPassword;
const coordinator = { email: "kalle.koordinaattori@keha.example", name: "Kalle Koordinaattori" };
const invitee = { email: "helmi.hakala@helsinki.example", name: "Helmi Hakala" };
const requester = { email: "aino.asiantuntija@tampere.example", name: "Aino Asiantuntija" };

const session = withServerAndBrowser();
let page: Page;
beforeEach(() => {
  page = session.page;
});

const network = {
  slug: `jasenet-e2e-${Date.now().toString(36)}`,
  name: "Jäsenhallinnan testiverkosto",
  id: "",
};

/** supabase-js signed in as a demo user against the test server, as another browser would be. */
async function signedInClient(email: string): Promise<SupabaseClient> {
  const { anonKey } = await deriveApiKeys({ jwtSecret: developmentJwtSecret });
  const client = createClient(session.url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as never },
  });
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw error;
  return client;
}

beforeAll(async () => {
  const kalle = await signedInClient(coordinator.email);
  const { data: user } = await kalle.auth.getUser();
  const { data: profile, error: profileError } = await kalle
    .from("profiles")
    .select("home_organisation_id")
    .eq("id", user.user?.id ?? "")
    .single<{ home_organisation_id: string }>();
  if (profileError) throw profileError;
  const { data: id, error } = await kalle.rpc("create_network", {
    slug: network.slug,
    kind: "national",
    name_fi: network.name,
    purpose_fi: "Verkosto, jossa kokeillaan jäsenten kutsumista ja liittymispyyntöjä.",
    owner_organisation_id: profile.home_organisation_id,
    join_policy: "request",
  });
  if (error) throw error;
  network.id = id as string;
});

const open = (path: string) => session.open(path);

async function signIn(email: string): Promise<void> {
  await session.signIn(email, { freshBrowser: true });
  page = session.page;
}

function pathname(): string {
  return new URL(page.url()).pathname;
}

const membersPath = () => `/networks/${network.slug}/members`;

describe("a network's members", () => {
  it("lets a coordinator invite by e-mail, and the invitee accept and land in the network", async () => {
    await signIn(coordinator.email);
    await open(membersPath());
    await page.getByRole("heading", { level: 2, name: "Jäsenet" }).waitFor();
    await expectNoSeriousAxeViolations(page, "the members tab of a coordinator");

    // Finding people by name: a plain GET form, with "invite" on each match.
    await page.getByLabel("Nimi", { exact: true }).fill("Aino");
    await page.getByRole("button", { name: "Hae", exact: true }).click();
    await page.getByRole("status").getByText("1 henkilö löytyi.").waitFor();
    await page
      .getByRole("list", { name: "Hakutulokset" })
      .getByRole("button", { name: `Kutsu: ${requester.name}` })
      .waitFor();
    await expectNoSeriousAxeViolations(page, "the members tab with search results");

    // A mistyped address is explained at the field, and what was typed is kept.
    await page.getByLabel("Sähköpostiosoite").fill("helmi.hakala@");
    await page.getByRole("button", { name: "Kutsu", exact: true }).click();
    await page.getByText("Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.").first().waitFor();
    expect(await page.getByLabel("Sähköpostiosoite").inputValue()).toBe("helmi.hakala@");

    await page.getByLabel("Sähköpostiosoite").fill(invitee.email);
    await page.getByLabel("Viesti kutsuttavalle (vapaaehtoinen)").fill("Tervetuloa mukaan!");
    await page.getByRole("button", { name: "Kutsu", exact: true }).click();
    await page.getByRole("status").getByText("Kutsu lähetettiin.").waitFor();
    const invitations = page.getByRole("region", { name: "Avoimet kutsut" });
    await invitations.getByText(invitee.name, { exact: true }).waitFor();

    // Inviting the same person again is refused by the database, in words.
    await page.getByLabel("Sähköpostiosoite").fill(invitee.email);
    await page.getByRole("button", { name: "Kutsu", exact: true }).click();
    await page.getByText("Henkilöllä on jo avoin kutsu tähän verkostoon.").waitFor();

    await signIn(invitee.email);
    await open("/networks/invitations");
    await page.getByRole("heading", { level: 1, name: "Kutsut verkostoihin" }).waitFor();
    const invitation = page.getByRole("article", { name: network.name });
    await invitation.getByText("Tervetuloa mukaan!").waitFor();
    await invitation.getByText(`Kutsuja: ${coordinator.name}`, { exact: false }).waitFor();
    await expectNoSeriousAxeViolations(page, "the invitations page");
    await invitation.getByRole("button", { name: `Hyväksy kutsu: ${network.name}` }).click();
    await page.waitForURL((url) => url.pathname === `/networks/${network.slug}`);
    expect(pathname()).toBe(`/networks/${network.slug}`);

    await open(membersPath());
    await page
      .getByRole("row", { name: new RegExp(invitee.name) })
      .getByRole("cell", { name: "Jäsen", exact: true })
      .waitFor();
    // Accepted, the invitation leaves the list (the seed gives Helmi another one).
    await open("/networks/invitations");
    await page.getByRole("heading", { level: 1, name: "Kutsut verkostoihin" }).waitFor();
    expect(await page.getByRole("article", { name: network.name }).count()).toBe(0);
  });

  it("lets a coordinator approve a join request, and asks before removing a member", async () => {
    const aino = await signedInClient(requester.email);
    const { error } = await aino.rpc("request_to_join", {
      network_id: network.id,
      message: "Työskentelen työttömyysturvan parissa Tampereella.",
    });
    expect(error).toBeNull();

    await signIn(coordinator.email);
    await open(membersPath());
    const requests = page.getByRole("region", { name: "Liittymispyynnöt" });
    await requests.getByText("Työskentelen työttömyysturvan parissa Tampereella.").waitFor();
    await expectNoSeriousAxeViolations(page, "the members tab with a join request");
    await requests.getByRole("button", { name: `Hyväksy: ${requester.name}` }).click();
    await page
      .getByRole("status")
      .getByText("Liittymispyyntö hyväksyttiin. Henkilö on nyt verkoston jäsen.")
      .waitFor();
    await requests.getByText("Ei odottavia liittymispyyntöjä.").waitFor();
    const row = page.getByRole("row", { name: new RegExp(requester.name) });
    await row.getByRole("cell", { name: "Jäsen", exact: true }).waitFor();

    // The filter narrows the list by name.
    await page.getByLabel("Suodata nimellä").fill("aino");
    await page.getByRole("button", { name: "Suodata" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === "aino");
    await page.getByRole("row", { name: new RegExp(invitee.name) }).waitFor({ state: "detached" });

    await row.getByRole("link", { name: `Poista verkostosta: ${requester.name}` }).click();
    const confirm = page.getByRole("heading", {
      name: `Poistetaanko ${requester.name} verkostosta?`,
    });
    await confirm.waitFor();
    await expectNoSeriousAxeViolations(page, "the remove confirmation");
    await page.getByRole("button", { name: "Poista verkostosta", exact: true }).click();
    await page.getByRole("status").getByText("Henkilö poistettiin verkostosta.").waitFor();
    expect(await page.getByRole("row", { name: new RegExp(requester.name) }).count()).toBe(0);
  });

  it("shows coordinators the settings and the yearly review, and others a refusal", async () => {
    await signIn(coordinator.email);
    await open(`/networks/${network.slug}/settings`);
    await page.getByRole("heading", { level: 2, name: "Asetukset" }).waitFor();
    await expectNoSeriousAxeViolations(page, "the settings tab");

    await page.getByLabel("Nimi ruotsiksi").fill("Testnätverk för medlemshantering");
    await page.getByLabel("Aiheet").fill("työttömyysturva, kotoutuminen");
    await page.getByRole("button", { name: "Tallenna muutokset" }).click();
    await page.getByRole("status").getByText("Asetukset tallennettiin.").waitFor();
    expect(await page.getByLabel("Aiheet").inputValue()).toBe("työttömyysturva, kotoutuminen");

    await page.getByRole("button", { name: "Merkitse arvioiduksi" }).click();
    await page.getByRole("status").getByText("Verkosto merkittiin arvioiduksi.").waitFor();

    await page.getByRole("link", { name: "Arkistoi verkosto…" }).click();
    await page.getByRole("heading", { name: "Arkistoidaanko verkosto?" }).waitFor();
    await expectNoSeriousAxeViolations(page, "the archive confirmation");
    await page.getByRole("link", { name: "Peruuta" }).click();

    await signIn(invitee.email);
    const response = await page.goto(`${session.url}/networks/${network.slug}/settings`);
    expect(response?.status()).toBe(403);
  });
});
