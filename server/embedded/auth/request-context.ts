import type { AuthConfig } from "./config";

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

/**
 * The caller's address for rate limiting: the header the HTTP adapter sets from the socket
 * (it must overwrite any value the client sent), else the first hop of X-Forwarded-For (what a
 * reverse proxy or the server-side app forwards), else "unknown".
 */
export function clientInfo(request: Request, config: AuthConfig): ClientInfo {
  const trusted = request.headers.get(config.clientIpHeader)?.trim();
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ip: trusted || forwarded || "unknown",
    userAgent: request.headers.get("user-agent"),
  };
}

export interface HandlerContext {
  request: Request;
  url: URL;
  config: AuthConfig;
  client: ClientInfo;
  /** Named path segments, e.g. `id` in /admin/users/:id. */
  params: Record<string, string>;
}

export type Handler = (context: HandlerContext) => Promise<Response>;
