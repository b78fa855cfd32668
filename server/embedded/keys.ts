import { SignJWT } from "jose";

/**
 * The Supabase CLI's documented local-development JWT secret. Anyone can read it: it is for a
 * developer's own machine only, and production sets JWT_SECRET (checked in server/config.ts).
 */
export const developmentJwtSecret = "super-secret-jwt-token-with-at-least-32-characters-long";

export interface ApiKeys {
  jwtSecret: string;
  anonKey: string;
  serviceRoleKey: string;
}

/** Same claims as the Supabase CLI's demo keys, so the tokens are stable across restarts. */
async function signApiKey(secret: string, role: "anon" | "service_role"): Promise<string> {
  return new SignJWT({ iss: "supabase-demo", role })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setExpirationTime(1983812996)
    .sign(new TextEncoder().encode(secret));
}

export async function deriveApiKeys(options: {
  jwtSecret: string;
  anonKey?: string;
  serviceRoleKey?: string;
}): Promise<ApiKeys> {
  return {
    jwtSecret: options.jwtSecret,
    anonKey: options.anonKey ?? (await signApiKey(options.jwtSecret, "anon")),
    serviceRoleKey: options.serviceRoleKey ?? (await signApiKey(options.jwtSecret, "service_role")),
  };
}
