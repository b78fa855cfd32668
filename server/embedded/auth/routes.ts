/** Method + path → handler for everything under /auth/v1. */
import * as admin from "./admin";
import { recover, otp, resend } from "./email-requests";
import { logout } from "./logout";
import { listUserFactors, deleteUserFactor } from "./mfa-admin";
import { challengeFactor } from "./mfa-challenge";
import { enrollFactor, unenrollFactor } from "./mfa-factors";
import { verifyFactor } from "./mfa-verify";
import type { Handler } from "./request-context";
import { health, settings } from "./settings";
import { signup } from "./signup";
import { token } from "./token-grants";
import { getUser, updateCurrentUser } from "./user";
import { verifyGet, verifyPost } from "./verify";

interface Route {
  method: string;
  /** Literal segments, or `:name` for a parameter. */
  path: string;
  handler: Handler;
}

const routes: Route[] = [
  { method: "GET", path: "/health", handler: health },
  { method: "GET", path: "/settings", handler: settings },
  { method: "POST", path: "/signup", handler: signup },
  { method: "POST", path: "/token", handler: token },
  { method: "GET", path: "/verify", handler: verifyGet },
  { method: "POST", path: "/verify", handler: verifyPost },
  { method: "POST", path: "/recover", handler: recover },
  { method: "POST", path: "/otp", handler: otp },
  { method: "POST", path: "/magiclink", handler: otp },
  { method: "POST", path: "/resend", handler: resend },
  { method: "GET", path: "/user", handler: getUser },
  { method: "PUT", path: "/user", handler: updateCurrentUser },
  { method: "POST", path: "/logout", handler: logout },
  { method: "POST", path: "/factors", handler: enrollFactor },
  { method: "POST", path: "/factors/:id/challenge", handler: challengeFactor },
  { method: "POST", path: "/factors/:id/verify", handler: verifyFactor },
  { method: "DELETE", path: "/factors/:id", handler: unenrollFactor },
  { method: "POST", path: "/invite", handler: admin.invite },
  { method: "POST", path: "/admin/users", handler: admin.createUser },
  { method: "GET", path: "/admin/users", handler: admin.listUsersHandler },
  { method: "GET", path: "/admin/users/:id", handler: admin.getUserById },
  { method: "PUT", path: "/admin/users/:id", handler: admin.updateUserById },
  { method: "DELETE", path: "/admin/users/:id", handler: admin.deleteUserById },
  { method: "POST", path: "/admin/generate_link", handler: admin.generateLink },
  { method: "GET", path: "/admin/users/:id/factors", handler: listUserFactors },
  { method: "DELETE", path: "/admin/users/:id/factors/:factorId", handler: deleteUserFactor },
];

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split("/");
  const got = path.replace(/\/+$/, "").split("/");
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const actual = got[index] ?? "";
    if (segment.startsWith(":")) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return undefined;
  }
  return params;
}

export type RouteMatch =
  | { kind: "found"; handler: Handler; params: Record<string, string> }
  | { kind: "method-not-allowed" }
  | { kind: "not-found" };

export function matchRoute(method: string, path: string): RouteMatch {
  let pathExists = false;
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    pathExists = true;
    if (route.method === method || (method === "HEAD" && route.method === "GET")) {
      return { kind: "found", handler: route.handler, params };
    }
  }
  return pathExists ? { kind: "method-not-allowed" } : { kind: "not-found" };
}
