import type { AppLoadContext } from "@remix-run/node";
import type { User } from "@supabase/supabase-js";
import { requireActiveUser } from "./access.server";

/**
 * The active, completely signed-in user, or null, for resource routes that scripts fetch (a
 * count, an event stream): where a page would redirect to the login or access page, a script
 * needs a status it can act on, not that page's HTML.
 */
export async function activeUserForResource(
  request: Request,
  context: AppLoadContext,
): Promise<User | null> {
  try {
    return (await requireActiveUser(request, context)).user;
  } catch (error) {
    if (error instanceof Response && error.status >= 300 && error.status < 400) return null;
    throw error;
  }
}
