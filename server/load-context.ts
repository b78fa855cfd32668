/** How server-side code reaches Supabase: the embedded API in-process, or a real project. */
export interface SupabaseConnection {
  url: string;
  anonKey: string;
  fetch: typeof fetch;
  embedded: boolean;
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    supabase: SupabaseConnection;
  }
}
