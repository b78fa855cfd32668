/** One embedded stack with the conformance fixture per test file and backend. */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Backend } from "../../helpers/databases";
import { type EmbeddedStack, startEmbeddedStack } from "../../helpers/embedded-stack";
import { conformanceSchema } from "../../helpers/rest-clients";

const fixture = readFileSync(
  path.join(import.meta.dirname, "../../helpers/fixtures/rest-conformance.sql"),
  "utf8",
);

export function startRestStack(backend: Backend): Promise<EmbeddedStack> {
  return startEmbeddedStack(backend, { setupSql: fixture, schemas: [conformanceSchema] });
}
