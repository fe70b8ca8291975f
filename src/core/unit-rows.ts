/**
 * A unit's score rows, read from its sheet when they are first asked for.
 *
 * Every (unit, criterion) pair of a workbook has a ScoreRow and up to three source cells: most of
 * an analysis's memory when they are all kept (about 1 GB for 10,000 units × 150 criteria), though
 * only evaluation reads them all, once, and the task pane or `explain` reads one unit's at a time.
 * So a reader hands out each unit with a way to read its rows rather than the rows themselves:
 * evaluation reads them unit by unit and lets them go (rowsOf), and `unit.rows` reads them when
 * first asked for and keeps them on the unit from then on. The rows come from the sheet snapshot
 * the unit was read from (kept by the unit; snapshots are not changed once read), so they are the
 * rows an eager read would have made; `rows` stays an ordinary, enumerable property of the unit
 * for JSON and for deep equality.
 */
import type { ScoreRow, UnitScores } from "./model";

/** The readers of units whose rows have not been asked for through `unit.rows` yet. */
const pending = new WeakMap<UnitScores, () => ScoreRow[]>();

/**
 * A unit whose rows `read` reads when they are first asked for (then kept); assigning `rows`
 * replaces them, as it would on a plain object.
 */
export function unitWithRowsOnDemand(
  head: Pick<UnitScores, "unit" | "sheet" | "layout" | "nameCell">,
  read: () => ScoreRow[],
): UnitScores {
  // Accessors written in the literal: every unit made here shares one shape.
  const unit: UnitScores = {
    unit: head.unit,
    sheet: head.sheet,
    layout: head.layout,
    nameCell: head.nameCell,
    get rows(): ScoreRow[] {
      return keepRows(unit, read());
    },
    set rows(rows: ScoreRow[]) {
      keepRows(unit, rows);
    },
  };
  pending.set(unit, read);
  return unit;
}

/**
 * A unit's rows for one pass over them: read afresh (and not kept) when the unit reads them on
 * demand and nobody has asked for them yet, else the unit's rows.
 */
export function rowsOf(unit: UnitScores): readonly ScoreRow[] {
  const read = pending.get(unit);
  return read ? read() : unit.rows;
}

/** The rows become a plain data property of the unit, in the same place among its keys. */
function keepRows(unit: UnitScores, rows: ScoreRow[]): ScoreRow[] {
  pending.delete(unit);
  Object.defineProperty(unit, "rows", { value: rows, writable: true, enumerable: true, configurable: true });
  return rows;
}
