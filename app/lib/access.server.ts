import { type AppLoadContext, redirect } from "@remix-run/node";
import type { User } from "@supabase/supabase-js";
import { type Access, accessSchema } from "./access";
import { assuranceLevel } from "./mfa.server";
import { currentPath } from "./safe-redirect";
import { getSupabase, requireUser } from "./supabase.server";

/** One `my_access()` call per HTTP request, shared by the root loader and the page's loader. */
const accessByContext = new WeakMap<AppLoadContext, Promise<Access | null>>();

/** What the database says about the signed-in person (null when nobody is signed in). */
export function getAccess(request: Request, context: AppLoadContext): Promise<Access | null> {
  const existing = accessByContext.get(context);
  if (existing) return existing;
  const supabase = getSupabase(request, context);
  const access = supabase.getUser().then(async (user) => {
    if (!user) return null;
    const { data, error } = await supabase.client.rpc("my_access");
    if (error) throw new Error(`my_access failed: ${error.code} ${error.message}`);
    return accessSchema.parse(data);
  });
  accessByContext.set(context, access);
  return access;
}

/**
 * The signed-in person, who has passed their second step if they have one: a session at aal1
 * with a verified factor is half a sign-in and goes to `/login/mfa` first. Account pages start here.
 */
export async function requireCompleteSignIn(
  request: Request,
  context: AppLoadContext,
): Promise<User> {
  const user = await requireUser(request, context);
  const supabase = getSupabase(request, context);
  const level = await assuranceLevel(supabase);
  if (level.nextLevel === "aal2" && level.currentLevel !== "aal2") {
    const params = new URLSearchParams({ redirectTo: currentPath(request) });
    throw redirect(`/login/mfa?${params}`, { headers: supabase.headers });
  }
  return user;
}

/**
 * A completely signed-in person with an active membership; anyone else signed in goes to
 * `/access`, which explains their state (waiting for approval, access ended). Pages of the
 * product start here.
 */
export async function requireActiveUser(
  request: Request,
  context: AppLoadContext,
): Promise<{ user: User; access: Access }> {
  const [user, access] = await Promise.all([
    requireCompleteSignIn(request, context),
    getAccess(request, context),
  ]);
  if (access?.status === "active") return { user, access };
  throw redirect("/access", { headers: getSupabase(request, context).headers });
}

/**
 * A session verified with the second factor, which admin pages need (the database refuses admin
 * actions below aal2 anyway; this sends the person to the step that lifts the session first).
 * Without any factor, the person enrols one first.
 */
export async function requireSecondFactor(
  request: Request,
  context: AppLoadContext,
): Promise<User> {
  const user = await requireUser(request, context);
  const supabase = getSupabase(request, context);
  const level = await assuranceLevel(supabase);
  if (level.currentLevel === "aal2") return user;
  const params = new URLSearchParams({ redirectTo: currentPath(request) });
  if (level.nextLevel === "aal2") {
    throw redirect(`/login/mfa?${params}`, { headers: supabase.headers });
  }
  params.set("required", "1");
  throw redirect(`/account/mfa?${params}`, { headers: supabase.headers });
}
