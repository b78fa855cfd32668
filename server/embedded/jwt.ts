import { SignJWT, errors, jwtVerify } from "jose";
import type { Claims } from "./db";

export type JwtFailure = "missing" | "malformed" | "invalid-signature" | "expired";

export class JwtError extends Error {
  constructor(readonly reason: JwtFailure, message: string) {
    super(message);
  }
}

const encoder = new TextEncoder();

export async function signJwt(
  claims: Record<string, unknown>,
  secret: string,
  expiresInSeconds: number,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt(now)
    .setExpirationTime(now + expiresInSeconds)
    .sign(encoder.encode(secret));
}

/** Verifies an HS256 token and returns its claims; throws JwtError with a reason otherwise. */
export async function verifyJwt(token: string, secret: string): Promise<Claims> {
  if (token.split(".").length !== 3) {
    throw new JwtError("malformed", "Expected 3 parts in JWT; got " + token.split(".").length);
  }
  try {
    const { payload } = await jwtVerify(token, encoder.encode(secret), { algorithms: ["HS256"] });
    if (typeof payload.role !== "string") {
      throw new JwtError("malformed", "JWT has no role claim");
    }
    return payload as Claims;
  } catch (error) {
    if (error instanceof JwtError) throw error;
    if (error instanceof errors.JWTExpired) throw new JwtError("expired", "JWT expired");
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      throw new JwtError("invalid-signature", "JWT signature verification failed");
    }
    throw new JwtError("malformed", "JWT cannot be decoded");
  }
}

/** The bearer token of an Authorization header, or undefined. */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get("authorization");
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1];
}
