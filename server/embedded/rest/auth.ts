/** The caller's claims from `Authorization: Bearer` (or a JWT `apikey`), as PostgREST derives them. */
import { type Claims, requestRoles } from "../db";
import { JwtError, bearerToken, verifyJwt } from "../jwt";
import { ApiError } from "./errors";

const maxCachedTokens = 10_000;

/**
 * Verified tokens by their text: HS256 verification is the costliest part of a small request,
 * and a client sends the same token many times. Expiry is still checked on every use.
 */
export class ClaimsResolver {
  private readonly cache = new Map<string, Claims>();

  constructor(private readonly jwtSecret: string) {}

  async resolve(request: Request): Promise<Claims> {
    const token = requestToken(request);
    if (token === undefined) return { role: "anon" };
    const cached = this.cache.get(token);
    if (cached && !isExpired(cached)) return cached;
    let claims: Claims;
    try {
      claims = await verifyJwt(token, this.jwtSecret);
    } catch (error) {
      if (error instanceof JwtError) throw jwtApiError(error);
      throw error;
    }
    if (!(requestRoles as readonly string[]).includes(claims.role)) {
      throw new ApiError(403, "42501", `permission denied to set role "${claims.role}"`);
    }
    if (this.cache.size >= maxCachedTokens) this.cache.clear();
    this.cache.set(token, claims);
    return claims;
  }
}

function requestToken(request: Request): string | undefined {
  if (request.headers.has("authorization")) {
    const token = bearerToken(request);
    if (token === undefined) {
      throw jwtApiError(new JwtError("malformed", "Authorization header is not a Bearer token"));
    }
    return token;
  }
  // supabase-js always sends both headers; a bare `apikey` counts only when it is a JWT.
  const apiKey = request.headers.get("apikey")?.trim();
  if (apiKey && apiKey.split(".").length === 3) return apiKey;
  return undefined;
}

function isExpired(claims: Claims): boolean {
  return typeof claims.exp === "number" && claims.exp * 1000 <= Date.now();
}

function jwtApiError(error: JwtError): ApiError {
  const expired = error.reason === "expired";
  const message = expired ? "JWT expired" : error.message;
  return new ApiError(401, expired ? "PGRST303" : "PGRST301", message, null, null, {
    "www-authenticate": `Bearer error="invalid_token", error_description="${message.replaceAll('"', "'")}"`,
  });
}
