/** Go's time.ParseDuration syntax ("24h", "1h30m", "90s"), which GoTrue's ban_duration uses. */
const unitMs: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Milliseconds, or undefined when `text` is not a Go duration. */
export function parseGoDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "0") return 0;
  const sign = trimmed.startsWith("-") ? -1 : 1;
  const rest = trimmed.replace(/^[-+]/, "");
  if (!/^(\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/.test(rest)) return undefined;
  let total = 0;
  let consumed = 0;
  for (const match of rest.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    if (match.index !== consumed) return undefined;
    consumed += match[0].length;
    total += Number(match[1]) * (unitMs[match[2] ?? ""] ?? Number.NaN);
  }
  if (consumed !== rest.length || !Number.isFinite(total)) return undefined;
  return sign * total;
}
