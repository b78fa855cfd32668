import type { OutboxEmail } from "./embedded/auth/mailer";
import type { CollabService } from "./collab/types";
import type { NotificationEvents } from "./notifications/live-hub";

/** How server-side code reaches Supabase: the embedded API in-process, or a real project. */
export interface SupabaseConnection {
  url: string;
  anonKey: string;
  fetch: typeof fetch;
  embedded: boolean;
  /** Headers server-side supabase-js adds to every call (the visitor's address, for rate limits). */
  headers: Record<string, string>;
}

declare module "@remix-run/node" {
  interface AppLoadContext {
    supabase: SupabaseConnection;
    /**
     * The newest 50 outbox e-mails, read through the owner connection. Present only in embedded
     * mode outside production, for the /dev/outbox page; absent means that page is a 404.
     */
    readOutbox?: () => Promise<OutboxEmail[]>;
    /**
     * Signals that a person's notifications changed, for /notifications/live. Present with the
     * embedded stack (one LISTEN per server); absent against a hosted Supabase project, where
     * pages poll their count instead.
     */
    notifications?: NotificationEvents;
    /**
     * The co-editing server: collab tokens and flushing a document's live state. Present whenever
     * the server has a database connection (embedded stack, or DATABASE_URL with a hosted project);
     * absent means documents are read-only, rendered from their stored HTML.
     */
    collab?: CollabService;
    /**
     * Voikko's analysis of a search query (server/search): for each word of the query, in order,
     * its base forms and compound parts ([] for a word Voikko does not know). Present when
     * libvoikko and voikko-fi are installed; absent means search uses Postgres' stemmer alone.
     */
    search?: { queryLemmas(query: string): string[][] };
  }
}
