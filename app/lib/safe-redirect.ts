const probeOrigin = "http://verkko.invalid";

/**
 * `target` when it is a path on this site, else `fallback`. Only same-site relative paths pass:
 * "//evil.example" and "/\evil.example" are protocol-relative to browsers, and control
 * characters can be stripped by a browser into either, so those never pass.
 */
export function safeRedirect(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > 2048) return fallback;
  if (!target.startsWith("/") || target.startsWith("//") || target.includes("\\")) return fallback;
  for (const character of target) {
    const code = character.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return fallback;
  }
  let resolved: URL;
  try {
    resolved = new URL(target, probeOrigin);
  } catch {
    return fallback;
  }
  if (resolved.origin !== probeOrigin) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/** The current location as a `redirectTo` value: path and query of `request`. */
export function currentPath(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}
