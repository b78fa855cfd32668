import type { Database } from "../db";
import type { ApiKeys } from "../keys";

export interface RestServiceOptions {
  db: Database;
  keys: ApiKeys;
  /** Schemas exposed through the API (PostgREST's db-schemas); default ["public"]. */
  schemas?: string[];
}

export interface RestService {
  /** Handles a request under /rest/v1; `path` is what follows that prefix, e.g. "/notes". */
  handle(request: Request, path: string): Promise<Response>;
  /** Re-reads tables, columns, keys and functions from pg_catalog (after migrations). */
  reloadSchemaCache(): Promise<void>;
}

export async function createRestService(_options: RestServiceOptions): Promise<RestService> {
  return {
    async handle() {
      return new Response(JSON.stringify({ code: "PGRST000", message: "not implemented yet" }), {
        status: 501,
      });
    },
    async reloadSchemaCache() {},
  };
}
