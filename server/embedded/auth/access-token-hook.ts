import type { Queryable } from "../db";
import type { AuthHooks } from "./config";
import { AuthError } from "./errors";

/** Supabase's "custom access token hook": a Postgres function the auth server asks before issuing. */
export const accessTokenHookFunction = "public.custom_access_token_hook(jsonb)";

interface HookResult {
  error?: { http_code?: number; message?: string };
}

/**
 * When the migrations define the hook function, every session issued, refreshed or used at
 * /user first asks it, as hosted Supabase does when the hook is enabled. The rule (e.g. "a
 * deactivated member gets no token") thus lives in SQL and applies on both stacks.
 */
export async function accessTokenHook(db: Queryable): Promise<AuthHooks> {
  const { rows } = await db.query<{ defined: boolean }>(
    "select to_regprocedure($1) is not null as defined",
    [accessTokenHookFunction],
  );
  if (!rows[0]?.defined) return {};
  return {
    async checkAccess(user, tx) {
      const event = { user_id: user.id, claims: { sub: user.id }, authentication_method: "password" };
      const result = await tx.query<{ result: HookResult | null }>(
        "select public.custom_access_token_hook($1::jsonb) as result",
        [JSON.stringify(event)],
      );
      const refusal = result.rows[0]?.result?.error;
      if (refusal) {
        throw new AuthError(refusal.http_code ?? 403, "access_denied", refusal.message ?? "Access denied");
      }
    },
  };
}
