import { createHash } from "node:crypto";

/**
 * Names for statements that recur, so pg prepares them once per connection and Postgres skips
 * parsing and planning them on every request. A text gets a name after it has been seen
 * `threshold` times; at most `capacity` texts are ever named, so junk requests cannot make the
 * connections hold an unbounded number of prepared statements (later texts just run unnamed).
 */
export class StatementNames {
  private readonly seen = new Map<string, number>();
  private readonly names = new Map<string, string>();

  constructor(
    private readonly threshold = 3,
    private readonly capacity = 1000,
  ) {}

  nameFor(sql: string): string | undefined {
    const named = this.names.get(sql);
    if (named) return named;
    if (this.names.size >= this.capacity) return undefined;
    const count = (this.seen.get(sql) ?? 0) + 1;
    if (count < this.threshold) {
      // Counting is bounded like naming: forget the tally when it grows past its use.
      if (this.seen.size >= this.capacity * 10) this.seen.clear();
      this.seen.set(sql, count);
      return undefined;
    }
    this.seen.delete(sql);
    const name = `verkko_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}`;
    this.names.set(sql, name);
    return name;
  }
}
