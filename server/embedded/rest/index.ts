import type { Database } from "../db";
import type { ApiKeys } from "../keys";
import { ClaimsResolver } from "./auth";
import { handleRequest } from "./handler";
import { type SchemaCache, loadSchemaCache } from "./schema-cache";

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

export async function createRestService(options: RestServiceOptions): Promise<RestService> {
  const schemas = options.schemas ?? ["public"];
  // Read once here and on reload only: a request never queries the catalog.
  let cache: SchemaCache = await loadSchemaCache(options.db, schemas);
  const deps = {
    db: options.db,
    schemas,
    cache: () => cache,
    claims: new ClaimsResolver(options.keys.jwtSecret),
  };
  return {
    handle: (request, path) => handleRequest(deps, request, path),
    async reloadSchemaCache() {
      cache = await loadSchemaCache(options.db, schemas);
    },
  };
}
