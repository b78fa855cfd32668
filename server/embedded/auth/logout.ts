/** POST /logout?scope=global|local|others (204). */
import { requireUser } from "./authenticate";
import { badRequest } from "./errors";
import type { HandlerContext } from "./request-context";
import { noContent } from "./responses";
import { type LogoutScope, endSessions } from "./sessions";

const scopes: readonly LogoutScope[] = ["global", "local", "others"];

export async function logout({ request, url, config }: HandlerContext): Promise<Response> {
  const scope = url.searchParams.get("scope") ?? "global";
  if (!(scopes as readonly string[]).includes(scope)) {
    throw badRequest("validation_failed", `Unsupported logout scope "${scope}"`);
  }
  const caller = await requireUser(config, request);
  await endSessions(config.db, caller.user.id, scope as LogoutScope, caller.session?.id);
  return noContent(request);
}
