/**
 * From codes in row order to a tree: depth, id and parent of every coded row. The criteria sheet
 * and every scoring sheet go through this same function, so their ids agree.
 *
 * Numbering styles (domain README §5):
 * - Roman fields, criteria numbered across the set ("I", "1", "1.1", …, "II", "5"): depth of an
 *   Arabic code is its number of segments + 1.
 * - Roman fields, dotted criteria ("I", "1.1", "1.1.1"): depth is the number of segments.
 * - Arabic fields ("1", "1.1", "1.1.1"): depth is the number of segments.
 * When criteria restart their numbering in each field ("I", "1", "2", "II", "1"), ids below the
 * field are qualified by it ("II/1", "II/1.1") so that they stay unique.
 *
 * Limit: a code stored as a number loses trailing zeros (1.10 reads 1.1). It is read as 1.10
 * only when 1.1 came earlier on the same sheet; typing codes as text avoids the guess.
 */
import type { ParsedCode } from "./criterion-code";

export type CodeEntry = {
  row: number;
  code: ParsedCode;
  /** The row carries a maximum: such rows decide the numbering style (guidance numbers do not). */
  hasMax: boolean;
};

export type CodeStyle = { romanFields: boolean; criteriaAcross: boolean; qualify: boolean };

export type ResolvedCode = {
  row: number;
  id: string;
  /** The code as shown ("II", "1.1"). */
  code: string;
  depth: number;
  parentId: string | null;
  fieldId: string | null;
};

/** Decides how a sheet numbers its rows (see the module comment). */
export function detectCodeStyle(entries: readonly CodeEntry[]): Omit<CodeStyle, "qualify"> {
  const romanFields = entries.some((e) => e.code.kind === "roman");
  const deciding = entries.some((e) => e.hasMax) ? entries.filter((e) => e.hasMax) : entries;
  let seenRoman = false;
  let minSegments = Infinity;
  for (const e of deciding) {
    if (e.code.kind === "roman") seenRoman = true;
    else if (seenRoman) minSegments = Math.min(minSegments, e.code.segments.length);
  }
  return { romanFields, criteriaAcross: romanFields && minSegments === 1 };
}

function depthOf(code: ParsedCode, style: Omit<CodeStyle, "qualify">): number {
  if (code.kind === "roman") return 1;
  return code.segments.length + (style.criteriaAcross ? 1 : 0);
}

/**
 * Resolves codes in row order. Entries whose depth exceeds 3 come back as null. `qualify` forces
 * qualified ids (a scoring sheet keyed like its qualified criteria set); otherwise qualification
 * is used when an id would repeat under two different fields.
 */
export function resolveCodes(
  entries: readonly CodeEntry[],
  options: { qualify?: boolean; style?: Omit<CodeStyle, "qualify"> } = {},
): (ResolvedCode | null)[] {
  const style = options.style ?? detectCodeStyle(entries);
  if (options.qualify !== undefined) return resolveWith(entries, { ...style, qualify: options.qualify });
  const plain = resolveWith(entries, { ...style, qualify: false });
  // One code repeated in another field is a typo (reported as a duplicate); several mean the
  // numbering restarts in each field.
  const fieldOf = new Map<string, string | null>();
  const repeated = new Set<string>();
  for (const r of plain) {
    if (!r || r.depth === 1) continue;
    const seen = fieldOf.get(r.id);
    if (seen !== undefined && seen !== r.fieldId) repeated.add(r.id);
    if (seen === undefined) fieldOf.set(r.id, r.fieldId);
  }
  return repeated.size >= 2 ? resolveWith(entries, { ...style, qualify: true }) : plain;
}

function resolveWith(entries: readonly CodeEntry[], style: CodeStyle): (ResolvedCode | null)[] {
  // The open node at each depth (1…3); a node closes the deeper ones.
  const stack: (ResolvedCode | null)[] = [null, null, null];
  const used = new Set<string>();
  const out: (ResolvedCode | null)[] = [];
  for (const e of entries) {
    const depth = depthOf(e.code, style);
    // Deeper than a sub-criterion, or an Arabic number at field level where fields are Roman
    // (a numbered guidance line such as "1. Ban hành trước 31/01"): not a node.
    if (depth > 3 || (style.romanFields && depth === 1 && e.code.kind === "arabic")) {
      out.push(null);
      continue;
    }
    for (let d = depth - 1; d < stack.length; d++) stack[d] = null;
    const parent = depth > 1 ? stack[depth - 2] : null;
    const field = depth === 1 ? null : stack[0];
    // Ids below a field are qualified by it when the style says so ("II/1.1").
    const prefix = style.qualify && depth > 1 && field ? `${field.id}/` : "";
    let text = e.code.text;
    // 1.10 typed as a number reads 1.1: when 1.1 is taken already, the row order says 1.10.
    if (
      e.code.kind === "arabic" &&
      e.code.fromNumber &&
      used.has(prefix + text) &&
      !used.has(`${prefix}${text}0`)
    ) {
      text = `${text}0`;
    }
    const resolved: ResolvedCode = {
      row: e.row,
      id: prefix + text,
      code: text,
      depth,
      parentId: parent ? parent.id : null,
      fieldId: depth === 1 ? null : (field?.id ?? null),
    };
    used.add(resolved.id);
    stack[depth - 1] = resolved;
    out.push(resolved);
  }
  return out;
}
