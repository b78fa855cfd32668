/** Request headers PostgREST reads (Prefer, Range, Accept, profiles, Content-Type) and credentials. */
import fc from "fast-check";
import type { ForgedToken } from "./forged-tokens";
import { headerSafe, hostileHeaderText, hostileText, printableChar, printableText } from "./text";

const preferences = [
  "count=exact",
  "count=planned",
  "count=estimated",
  "return=minimal",
  "return=representation",
  "return=headers-only",
  "resolution=merge-duplicates",
  "resolution=ignore-duplicates",
  "missing=default",
  "handling=strict",
  "handling=lenient",
  "tx=commit",
  "tx=rollback",
  "params=single-object",
  "max-affected=1",
  "timezone=Europe/Helsinki",
] as const;

const oddPreferences = [
  "count=none",
  "return=everything",
  "resolution=",
  "missing=null",
  "max-affected=-1",
  "max-affected=abc",
  "timezone=Mars/Olympus",
  "plurality=singular",
  "=",
  ",",
] as const;

export const preferHeader: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(fc.constantFrom(...preferences), { minLength: 1, maxLength: 3 })
      .map((items) => items.join(", ")),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.array(
          fc.oneof(
            fc.constantFrom(...preferences),
            fc.constantFrom(...oddPreferences),
            hostileHeaderText,
          ),
          { maxLength: 4 },
        ),
        fc.constantFrom(", ", ",", "; "),
      )
      .map(([items, separator]) => items.join(separator)),
  },
  { weight: 1, arbitrary: hostileHeaderText.map((text) => `timezone=${text}`) },
  { weight: 1, arbitrary: printableText },
);

export const rangeHeader: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "0-9",
      "0-0",
      "5-",
      "3-1",
      "-1",
      "-",
      "0--1",
      "items=0-9",
      "0-9,10-19",
      "1e9-2e9",
      "99999999999999999999-",
      "0-99999999999999999999",
      "abc",
      "",
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: -5, max: 50 }), fc.integer({ min: -5, max: 50 }))
      .map(([from, to]) => `${from}-${to}`),
  },
  { weight: 1, arbitrary: hostileHeaderText },
);

export const acceptHeader: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "application/json",
      "application/vnd.pgrst.object+json",
      "application/vnd.pgrst.object+json;nulls=stripped",
      "application/vnd.pgrst.array+json;nulls=stripped",
      "text/csv",
      "*/*",
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "application/vnd.pgrst.plan+json",
      "text/plain",
      "application/octet-stream",
      "application/geo+json",
      "application/*",
      "text/html, application/json;q=0.9",
      "",
    ),
  },
  { weight: 1, arbitrary: printableText },
);

export const profileHeader: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constant("public") },
  {
    weight: 1,
    arbitrary: fc.constantFrom("auth", "pg_catalog", "fuzz_guard", "embedded", "Public", ""),
  },
  { weight: 1, arbitrary: hostileHeaderText },
);

export const contentTypeHeader: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8"),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "text/csv",
      "application/x-www-form-urlencoded",
      "text/plain",
      "application/octet-stream",
      "application/vnd.pgrst.object+json",
      "application/json; charset=latin1",
      "multipart/form-data; boundary=x",
      ";;;",
      "",
    ),
  },
  { weight: 1, arbitrary: printableText },
);

/** `arbitrary` in about one case of `every`, otherwise undefined. */
export function sometimes<T>(
  arbitrary: fc.Arbitrary<T>,
  every: number,
): fc.Arbitrary<T | undefined> {
  return fc.oneof(
    { weight: every - 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary },
  );
}

/** Each header now and then, so most requests carry few of them (as real clients do). */
const now = <T>(arbitrary: fc.Arbitrary<T>) => sometimes(arbitrary, 5);

/** Optional request headers of a PostgREST request, other than credentials and content type. */
export const restHeaders: fc.Arbitrary<Record<string, string>> = fc
  .record({
    prefer: now(preferHeader),
    range: now(rangeHeader),
    accept: now(acceptHeader),
    "accept-profile": now(profileHeader),
    "content-profile": now(profileHeader),
  })
  .map((headers) => {
    const present: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined) present[name] = value;
    }
    return present;
  });

/** Whoever sends the request; tokens are filled in when it is sent. */
export type Caller = "anon" | "authenticated" | "service_role";
export const caller = fc.constantFrom<Caller>("anon", "authenticated", "service_role");

const roleClaim = fc.constantFrom<unknown>(
  "anon",
  "authenticated",
  "service_role",
  "postgres",
  "supabase_admin",
  "authenticator",
  "pg_read_server_files",
  "pg_signal_backend",
  "",
  "Anon",
  "anon ",
  `anon"; set role postgres; --`,
  42,
  null,
  ["service_role"],
  { role: "service_role" },
);
const stringRole = fc.constantFrom("anon", "authenticated", "service_role", "postgres");

export const forgedToken: fc.Arbitrary<ForgedToken> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("genuine" as const),
      alg: fc.constantFrom("HS256" as const, "HS384" as const, "HS512" as const),
      role: roleClaim,
      exp: fc.oneof(
        fc.constantFrom("valid" as const, "expired" as const, "missing" as const),
        fc
          .constantFrom<unknown>("tomorrow", null, -1, 1e20, { at: 1 }, [1])
          .map((junk) => ({ junk })),
      ),
      extraClaims: fc.dictionary(
        fc.constantFrom("sub", "aud", "email", "iss", "nbf", "app_metadata", "session_id"),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileText),
        { maxKeys: 3 },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("wrong-secret" as const), role: stringRole }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("unsigned" as const),
      role: stringRole,
      alg: fc.constantFrom("none" as const, "None" as const, "NONE" as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("mislabelled" as const),
      role: stringRole,
      alg: fc.constantFrom("RS256", "ES256", "PS256", "EdDSA", "hs256", "HS256 ", "", "HS999"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("tampered" as const), role: stringRole }),
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.string({ unit: printableChar, minLength: 1, maxLength: 60 }),
        fc
          .array(fc.base64String({ maxLength: 20 }), { minLength: 1, maxLength: 5 })
          .map((parts) => parts.join(".")),
        fc.constantFrom("null", "undefined", "..", "a.b.c", "eyJ.eyJ.", "Bearer x", "zz'"),
      )
      .map((text) => text.trim())
      .filter((text) => text !== "" && headerSafe(text))
      .map((text) => ({ kind: "junk" as const, text })),
  },
);
