/** Content negotiation: which representation the `Accept` header asks for. */
import { ApiError } from "./errors";

export interface MediaChoice {
  kind: "json" | "object" | "csv" | "openapi";
  stripNulls: boolean;
}

export function negotiate(accept: string | null, allowOpenApi = false): MediaChoice {
  if (!accept || accept.trim() === "") return { kind: "json", stripNulls: false };
  for (const entry of accept.split(",")) {
    const [typePart = "", ...parameters] = entry.split(";").map((part) => part.trim().toLowerCase());
    const stripNulls = parameters.includes("nulls=stripped");
    switch (typePart) {
      case "application/json":
      case "application/*":
      case "*/*":
      case "application/vnd.pgrst.array+json":
      case "application/vnd.pgrst.array":
        return { kind: "json", stripNulls };
      case "application/vnd.pgrst.object+json":
      case "application/vnd.pgrst.object":
        return { kind: "object", stripNulls };
      case "text/csv":
        return { kind: "csv", stripNulls: false };
      case "application/openapi+json":
        if (allowOpenApi) return { kind: "openapi", stripNulls: false };
        break;
      default:
        break;
    }
  }
  throw new ApiError(406, "PGRST107", `None of these media types are available: ${accept}`);
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A JSON array of objects as CSV with a header row, like PostgREST's text/csv output. */
export function toCsv(json: string): string {
  const rows = JSON.parse(json) as Record<string, unknown>[];
  const first = rows[0];
  if (!first) return "";
  const columns = Object.keys(first);
  const lines = [columns.map(csvCell).join(",")];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column])).join(","));
  return lines.join("\n");
}
