/**
 * Collab tokens: HS256 JWTs of 60 seconds for one person and one document, audience "collab",
 * so a Supabase access token can never be used in their place (and the other way round).
 */
import { SignJWT, jwtVerify } from "jose";
import { z } from "zod";
import type { CollabIdentity } from "./types";

const audience = "collab";
const lifetimeSeconds = 60;

const claimsSchema = z.object({
  sub: z.string().uuid(),
  doc: z.string().uuid(),
});

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function issueCollabToken(
  secret: string,
  identity: CollabIdentity,
  now: Date = new Date(),
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ doc: identity.documentId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(identity.userId)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetimeSeconds)
    .sign(keyOf(secret));
}

/** The identity in a valid token for `documentId`; null for anything else (never throws). */
export async function verifyCollabToken(
  secret: string,
  token: string,
  documentId: string,
): Promise<CollabIdentity | null> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      audience,
      algorithms: ["HS256"],
    });
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success || claims.data.doc !== documentId) return null;
    return { userId: claims.data.sub, documentId: claims.data.doc };
  } catch {
    return null;
  }
}
