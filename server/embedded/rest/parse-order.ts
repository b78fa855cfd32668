/** The `order` parameter: `col.desc.nullslast,other`. */
import { parseError } from "./errors";
import { type FieldRef, parseFieldRef } from "./parse-select";
import { splitTopLevel } from "./parse-filters";

export interface OrderTerm {
  field: FieldRef;
  /** Set when ordering by a column of an embedded to-one resource: `order=project(name)`. */
  relation?: string;
  direction?: "asc" | "desc";
  nulls?: "first" | "last";
}

export function parseOrder(raw: string): OrderTerm[] {
  return splitTopLevel(raw).map((part) => {
    const words = part.trim().split(".");
    const term: OrderTerm = { field: { name: "", path: [] } };
    while (words.length > 1) {
      const last = words[words.length - 1];
      if (last === "asc" || last === "desc") term.direction ??= last;
      else if (last === "nullsfirst") term.nulls ??= "first";
      else if (last === "nullslast") term.nulls ??= "last";
      else break;
      words.pop();
    }
    const target = words.join(".");
    const related = /^([^()]+)\(([^()]+)\)$/.exec(target);
    if (related) {
      term.relation = (related[1] ?? "").trim();
      term.field = parseFieldRef(related[2] ?? "", "order");
    } else {
      if (target.includes("(") || target.includes(")")) {
        throw parseError(`"failed to parse order (${raw})" (line 1, column 1)`);
      }
      term.field = parseFieldRef(target, "order");
    }
    return term;
  });
}
