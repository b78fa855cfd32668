/** The `Prefer` request header (RFC 7240) as PostgREST understands it. */
import { ApiError } from "./errors";

export interface Preferences {
  return?: "minimal" | "representation" | "headers-only";
  count?: "exact" | "planned" | "estimated";
  resolution?: "merge-duplicates" | "ignore-duplicates";
  missing?: "default" | "null";
  tx?: "commit" | "rollback";
  params?: "single-object";
  handling?: "lenient" | "strict";
  /** With handling=strict, an update or delete touching more rows fails (PGRST124). */
  maxAffected?: number;
  /** The preferences PostgREST honoured, for the `Preference-Applied` header. */
  applied: string[];
}

const accepted: Record<string, readonly string[]> = {
  return: ["minimal", "representation", "headers-only"],
  count: ["exact", "planned", "estimated"],
  resolution: ["merge-duplicates", "ignore-duplicates"],
  missing: ["default", "null"],
  tx: ["commit", "rollback"],
  params: ["single-object"],
  handling: ["lenient", "strict"],
};

export function parsePrefer(headers: Headers): Preferences {
  const preferences: Preferences = { applied: [] };
  const record = preferences as unknown as Record<string, string>;
  const invalid: string[] = [];
  // Several Prefer headers arrive joined with ", "; supabase-js also sends "a,b" in one header.
  const raw = headers.get("prefer") ?? "";
  for (const token of raw.split(/[,;]/)) {
    const item = token.trim();
    if (!item) continue;
    const [name = "", value = ""] = item.split("=", 2).map((part) => part.trim());
    const values = accepted[name];
    if (name === "max-affected" && /^\d{1,15}$/.test(value)) {
      preferences.maxAffected ??= Number(value);
    } else if (values?.includes(value)) {
      // The first occurrence wins, as in PostgREST.
      if (record[name] === undefined) record[name] = value;
    } else {
      invalid.push(item);
    }
  }
  if (preferences.handling === "strict" && invalid.length > 0) {
    throw new ApiError(
      400,
      "PGRST122",
      "Invalid preferences given with handling=strict",
      `Invalid preferences: ${invalid.join(", ")}`,
    );
  }
  return preferences;
}

/** Marks a preference as honoured so it is echoed in `Preference-Applied`. */
export function applyPreference(preferences: Preferences, name: keyof Preferences): void {
  const value = preferences[name];
  if (typeof value === "string") preferences.applied.push(`${name}=${value}`);
}
