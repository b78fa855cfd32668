/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverDependenciesToBundle: [/^remix-i18next/],
  postcss: true,
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off: the whole route manifest ships with the page, so no /__manifest fetch can be cut short
    // by a navigation (seen as "Failed to fetch manifest patches" in the browser console).
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: true,
  },
};
