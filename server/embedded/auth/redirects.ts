import type { AuthConfig } from "./config";

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*");
  return new RegExp(`^${escaped}$`);
}

/**
 * Where a link may send the browser after verification: the requested URL when it is on the
 * site's origin or in the allow list, else the site URL (GoTrue's rule against open redirects).
 */
export function safeRedirect(config: AuthConfig, requested: string | null | undefined): string {
  if (!requested) return config.siteUrl;
  let url: URL;
  try {
    url = new URL(requested, config.siteUrl);
  } catch {
    return config.siteUrl;
  }
  if (url.origin === new URL(config.siteUrl).origin) return url.href;
  if (config.redirectAllowList.some((pattern) => globToRegExp(pattern).test(url.href)))
    return url.href;
  return config.siteUrl;
}
