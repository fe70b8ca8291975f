import type { CellValue, SheetSnapshot } from "../../src/core/grid";
import type { SheetPlan } from "../../src/core/model";
import { decideOwnership, planSignature, snapshotSignature } from "../../src/core/sheet-ownership";

function sheetPlan(patches: SheetPlan["patches"], merges: SheetPlan["merges"] = []): SheetPlan {
  return {
    name: "Xếp hạng - Khối sở",
    purpose: "ranking",
    group: "Khối sở",
    replaces: false,
    patches,
    merges,
    columnWidths: [],
    freezeRows: 0,
    print: { landscape: false, fitToWidth: false, titleRows: null },
    bands: [],
    chart: null,
  };
}

const PLAN = sheetPlan(
  [
    { row: 0, col: 0, values: [["BẢNG XẾP HẠNG CHỈ SỐ CCHC NĂM 2024", "", ""]] },
    {
      row: 2,
      col: 0,
      values: [
        ["STT", "Đơn vị", "Chỉ số (%)"],
        [1, "Sở Tư pháp", 81.33333333333333],
      ],
    },
    { row: 3, col: 2, values: [[81.33]] },
  ],
  [{ top: 0, left: 0, bottom: 0, right: 2 }],
);

/** The grid both hosts read back once PAR Scorer has written PLAN. */
const WRITTEN: CellValue[][] = [
  ["BẢNG XẾP HẠNG CHỈ SỐ CCHC NĂM 2024", null, null],
  [null, null, null],
  ["STT", "Đơn vị", "Chỉ số (%)"],
  [1, "Sở Tư pháp", 81.33],
];
const sheet = (values: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot => ({
  name: "Xếp hạng - Khối sở",
  values,
  visibility: "visible",
  ...extra,
});

describe("sheet signatures", () => {
  it("a sheet read back as written has the plan's signature (later patches win, merges keep their top-left)", () => {
    expect(snapshotSignature(sheet(WRITTEN))).toBe(planSignature(PLAN));
  });

  it("ignores what the hosts do not keep: empty text, 15+ significant digits, error values as text", () => {
    const plan = sheetPlan([{ row: 0, col: 0, values: [[0.1 + 0.2, "", { error: "#N/A" }]] }]);
    expect(snapshotSignature(sheet([[0.3, null, "#N/A"]]))).toBe(planSignature(plan));
  });

  it("changes when a person types a value, moves one, or clears one", () => {
    const base = snapshotSignature(sheet(WRITTEN));
    const typed = WRITTEN.map((l) => [...l]);
    typed.push(["Người lập biểu"]);
    const moved = WRITTEN.map((l) => [...l]);
    moved[3] = [null, 1, "Sở Tư pháp", 81.33];
    const cleared = WRITTEN.map((l) => [...l]);
    cleared[3][2] = null;
    for (const grid of [typed, moved, cleared]) expect(snapshotSignature(sheet(grid))).not.toBe(base);
  });
});

describe("decideOwnership", () => {
  const signature = planSignature(PLAN);

  it("owns a listed sheet whose values carry the signature, whatever the case of its name", () => {
    const snapshot = { sheets: [sheet(WRITTEN)] };
    expect(decideOwnership(snapshot, [{ name: "XẾP HẠNG - KHỐI SỞ", signature }])).toEqual({
      owned: ["Xếp hạng - Khối sở"],
      kept: [],
    });
  });

  it("owns a sheet whose writing was interrupted (rows not yet written are empty): nothing typed is lost", () => {
    const half = WRITTEN.map((line, r) => (r === 3 ? [null, null, null] : [...line]));
    expect(
      decideOwnership({ sheets: [sheet(half)] }, [{ name: "Xếp hạng - Khối sở", signature }]).owned,
    ).toEqual(["Xếp hạng - Khối sở"]);
    const typedInEmptyRow = WRITTEN.map((line) => [...line]);
    typedInEmptyRow[1] = ["Ghi chú"];
    expect(
      decideOwnership({ sheets: [sheet(typedInEmptyRow)] }, [{ name: "Xếp hạng - Khối sở", signature }]).kept,
    ).toEqual(["Xếp hạng - Khối sở"]);
  });

  it("keeps a listed sheet with other values, without signature, or very hidden", () => {
    const other = { sheets: [sheet([["Ghi chú của tôi"]])] };
    expect(decideOwnership(other, [{ name: "Xếp hạng - Khối sở", signature }]).kept).toEqual([
      "Xếp hạng - Khối sở",
    ]);
    const unsigned = { sheets: [sheet(WRITTEN)] };
    expect(decideOwnership(unsigned, [{ name: "Xếp hạng - Khối sở", signature: null }]).owned).toEqual([]);
    expect(decideOwnership(unsigned, [{ name: "Xếp hạng - Khối sở", signature: "v1:0" }]).owned).toEqual([]);
    const hidden = { sheets: [sheet(WRITTEN, { visibility: "veryHidden" })] };
    expect(decideOwnership(hidden, [{ name: "Xếp hạng - Khối sở", signature }]).owned).toEqual([]);
  });

  it("never lists the storage sheets, and forgets listed sheets that no longer exist", () => {
    const snapshot = { sheets: [sheet(WRITTEN, { name: "_ParScorerMarks" })] };
    const records = [
      { name: "_ParScorerMarks", signature },
      { name: "Xếp hạng - Đã xóa", signature },
    ];
    expect(decideOwnership(snapshot, records)).toEqual({ owned: [], kept: [] });
  });
});
