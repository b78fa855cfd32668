/** JWTs as an attacker would send them: genuine, expired, unsigned, re-labelled, tampered, junk. */
import { createHmac } from "node:crypto";

export type ForgedToken =
  /** Signed with the real secret; `exp` decides whether it is still good. */
  | {
      kind: "genuine";
      alg: "HS256" | "HS384" | "HS512";
      role: unknown;
      exp: "valid" | "expired" | "missing" | { junk: unknown };
      extraClaims: Record<string, unknown>;
    }
  | { kind: "wrong-secret"; role: string }
  /** `alg: none` and no signature. */
  | { kind: "unsigned"; role: string; alg: "none" | "None" | "NONE" }
  /** The header names another algorithm; the signature is still HMAC-SHA256 with the secret. */
  | { kind: "mislabelled"; role: string; alg: string }
  /** A genuine anon token whose payload was swapped for one with another role. */
  | { kind: "tampered"; role: string }
  | { kind: "junk"; text: string };

const hmacAlgorithms = { HS256: "sha256", HS384: "sha384", HS512: "sha512" } as const;

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url");
}

function sign(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  secret: string,
  hash: "sha256" | "sha384" | "sha512" = "sha256",
): string {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = createHmac(hash, secret).update(signingInput).digest("base64url");
  return `${signingInput}.${signature}`;
}

function claimsFor(role: unknown, exp: number | undefined | { junk: unknown }) {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { iss: "forger", role, iat: now };
  if (typeof exp === "number") claims.exp = exp;
  else if (exp !== undefined) claims.exp = exp.junk;
  return claims;
}

export function mintToken(token: ForgedToken, secret: string): string {
  const inAnHour = Math.floor(Date.now() / 1000) + 3600;
  switch (token.kind) {
    case "genuine": {
      const exp =
        token.exp === "valid"
          ? inAnHour
          : token.exp === "expired"
            ? inAnHour - 7200
            : token.exp === "missing"
              ? undefined
              : token.exp;
      const payload = { ...token.extraClaims, ...claimsFor(token.role, exp) };
      return sign({ alg: token.alg, typ: "JWT" }, payload, secret, hmacAlgorithms[token.alg]);
    }
    case "wrong-secret":
      return sign({ alg: "HS256", typ: "JWT" }, claimsFor(token.role, inAnHour), `${secret}-not`);
    case "unsigned": {
      const header = base64url(JSON.stringify({ alg: token.alg, typ: "JWT" }));
      return `${header}.${base64url(JSON.stringify(claimsFor(token.role, inAnHour)))}.`;
    }
    case "mislabelled":
      return sign({ alg: token.alg, typ: "JWT" }, claimsFor(token.role, inAnHour), secret);
    case "tampered": {
      const genuine = sign({ alg: "HS256", typ: "JWT" }, claimsFor("anon", inAnHour), secret);
      const [header, , signature] = genuine.split(".");
      const swapped = { ...claimsFor(token.role, inAnHour), tampered: true };
      const payload = base64url(JSON.stringify(swapped));
      return `${header}.${payload}.${signature}`;
    }
    case "junk":
      return token.text;
  }
}

/** The role a token entitles its bearer to, or undefined when the API must refuse it. */
export function entitledRole(token: ForgedToken): string | undefined {
  if (token.kind !== "genuine" || token.exp === "expired") return undefined;
  return typeof token.role === "string" ? token.role : undefined;
}

/**
 * True when PostgREST answers 401 for this token as a bearer token, whatever else the request
 * says: a bad signature, no signature, an expiry in the past or a string that is no JWT at all.
 * Tokens with odd claims but a good signature (no role, a role that does not exist) are left out:
 * PostgREST's answer to those depends on the database.
 */
export function mustBeRefused(token: ForgedToken): boolean {
  if (token.kind === "genuine") return token.exp === "expired";
  return true;
}
