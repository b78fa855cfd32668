import { describe, expect, it } from "vitest";
import { defaultLocale, isLocale, resolveLocale, resources, supportedLocales } from "~/lib/i18n";
import { getLocale, languageCookie } from "~/lib/i18n.server";

describe("resolveLocale", () => {
  it("defaults to Finnish", () => {
    expect(defaultLocale).toBe("fi");
    expect(resolveLocale()).toBe("fi");
    expect(resolveLocale(undefined, null, "")).toBe("fi");
  });

  it("takes the first supported candidate, most authoritative first", () => {
    expect(resolveLocale("sv", "en")).toBe("sv");
    expect(resolveLocale("de", "en", "sv")).toBe("en");
  });

  it("ignores what is not exactly a supported code", () => {
    expect(resolveLocale("SV", "sv-FI", " en", 42, { sv: true })).toBe("fi");
    expect(isLocale("fi")).toBe(true);
    expect(isLocale("se")).toBe(false);
  });
});

describe("getLocale", () => {
  async function requestWithCookie(value: unknown): Promise<Request> {
    const setCookie = await languageCookie.serialize(value);
    const cookie = setCookie.split(";")[0] ?? "";
    return new Request("http://127.0.0.1/", { headers: { Cookie: cookie } });
  }

  it("reads the lng cookie", async () => {
    expect(await getLocale(await requestWithCookie("sv"))).toBe("sv");
    expect(await getLocale(await requestWithCookie("en"))).toBe("en");
  });

  it("falls back to Finnish without a cookie, with an unknown language or a garbled cookie", async () => {
    expect(await getLocale(new Request("http://127.0.0.1/"))).toBe("fi");
    expect(await getLocale(await requestWithCookie("de"))).toBe("fi");
    const garbled = new Request("http://127.0.0.1/", { headers: { Cookie: "lng=%%%not-base64" } });
    expect(await getLocale(garbled)).toBe("fi");
  });

  it("does not follow the browser's Accept-Language: Finnish is the default until someone chooses", async () => {
    const swedishBrowser = new Request("http://127.0.0.1/", {
      headers: { "Accept-Language": "sv-FI,sv;q=0.9" },
    });
    expect(await getLocale(swedishBrowser)).toBe("fi");
  });
});

type Tree = { [key: string]: string | Tree };

function keyPaths(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keyPaths(value, `${prefix}${key}.`),
  );
}

function leaves(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) =>
    typeof value === "string" ? [value] : leaves(value),
  );
}

describe("locale files", () => {
  const finnishKeys = keyPaths(resources.fi.common).sort();

  it.each(supportedLocales.filter((locale) => locale !== "fi"))(
    "%s has exactly the Finnish keys",
    (locale) => {
      expect(keyPaths(resources[locale].common).sort()).toEqual(finnishKeys);
    },
  );

  it.each([...supportedLocales])("%s has no empty strings", (locale) => {
    expect(leaves(resources[locale].common).filter((text) => !text.trim())).toEqual([]);
  });

  it.each([...supportedLocales])(
    "%s uses the same interpolation variables as Finnish",
    (locale) => {
      const variables = (tree: Tree) =>
        keyPaths(tree).map((path) => {
          const text = path.split(".").reduce<Tree | string>((node, key) => {
            if (typeof node === "string") return node;
            return node[key] ?? "";
          }, tree);
          return `${path}: ${[...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).join(",")}`;
        });
      expect(variables(resources[locale].common).sort()).toEqual(
        variables(resources.fi.common).sort(),
      );
    },
  );
});
