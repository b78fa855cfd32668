/** SQL text helpers: identifiers are quoted, values only ever travel as bound parameters. */

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function qualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/**
 * Collects the values of one statement. Every value is sent as text (or null) and Postgres
 * infers its type from where it is used, which both pg and PGlite pass through unchanged.
 */
export class Params {
  readonly values: (string | null)[] = [];

  add(value: string | null): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A Postgres array literal (`{"a","b"}`) for a list of text values. */
export function arrayLiteral(items: readonly string[]): string {
  const quoted = items.map((item) => `"${item.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`);
  return `{${quoted.join(",")}}`;
}
