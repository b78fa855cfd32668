import { jsonResponse } from "../http";
import { type AuthError, OAuthError } from "./errors";

/** The only API version GoTrue distinguishes so far. */
export const apiVersion20240101 = "2024-01-01";
const apiVersionHeader = "x-supabase-api-version";

/** Browsers only let supabase-js read these headers when they are exposed. */
const exposedHeaders = "x-total-count, link, x-supabase-api-version";

function wantsVersion20240101(request: Request): boolean {
  const requested = request.headers.get(apiVersionHeader);
  return (
    requested !== null && /^\d{4}-\d{2}-\d{2}$/.test(requested) && requested >= apiVersion20240101
  );
}

function baseHeaders(request: Request, extra: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = {
    "access-control-expose-headers": exposedHeaders,
    ...extra,
  };
  if (wantsVersion20240101(request)) headers[apiVersionHeader] = apiVersion20240101;
  return headers;
}

export function ok(
  request: Request,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(body, 200, baseHeaders(request, headers));
}

export function noContent(request: Request): Response {
  return new Response(null, { status: 204, headers: baseHeaders(request) });
}

export function redirect(request: Request, location: string): Response {
  return new Response(null, { status: 303, headers: baseHeaders(request, { location }) });
}

export function errorResponse(request: Request, error: AuthError | OAuthError): Response {
  if (error instanceof OAuthError) {
    return jsonResponse(
      { error: error.error, error_description: error.description },
      400,
      baseHeaders(request),
    );
  }
  const body = wantsVersion20240101(request)
    ? { code: error.errorCode, message: error.message, ...error.extra }
    : { code: error.status, error_code: error.errorCode, msg: error.message, ...error.extra };
  return jsonResponse(body, error.status, baseHeaders(request));
}
