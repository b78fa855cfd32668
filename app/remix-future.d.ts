import "@remix-run/node";

// Types loader data as single fetch delivers it (turbo-stream, not JSON), matching remix.config.js.
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
