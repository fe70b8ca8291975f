/**
 * A criteria sheet that marks its survey, bonus and deduction criteria in a "Phương pháp đánh giá"
 * column (not in a Loại column, nor in the titles), end to end through the command line on
 * generated .xlsx files: Sở Nội vụ's workbook of 20 units, and one agency's own check.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { analyzeWorkbook } from "../../src/core/analyze";
import { explainUnit } from "../../src/core/explain/explain-unit";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/grid";
import type { JsonResult } from "../../src/core/report/to-json-result";
import { useTempDir } from "../node/temp-dir";
import { runCli } from "./run-cli";
import { writeXlsx } from "./workbooks";

const tempDir = useTempDir();

type Row = { code: string; title: string; max: number; method: string | null; survey?: boolean };

/**
 * Fields I–III are scored (3 + 3 + 3,5 = 9,5 points), IV is a bonus and V a deduction. Field III's
 * seven leaves come from the survey, said only in the method column. Criterion 2.1's title says
 * "Khảo sát" but the method column says the unit scores it: an ordinary criterion.
 */
const ROWS: Row[] = [
  { code: "I", title: "Công tác chỉ đạo, điều hành CCHC", max: 3, method: "Tự đánh giá, thẩm định" },
  { code: "1.1", title: "Kế hoạch CCHC năm", max: 2, method: "Tự đánh giá" },
  { code: "1.2", title: "Báo cáo CCHC định kỳ", max: 1, method: "Thẩm định" },
  { code: "II", title: "Cải cách thủ tục hành chính", max: 3, method: null },
  { code: "2.1", title: "Khảo sát, đánh giá tác động của TTHC", max: 1, method: "Tự đánh giá" },
  { code: "2.2", title: "Công khai TTHC đúng quy định", max: 2, method: "Tự đánh giá" },
  {
    code: "III",
    title: "Sự hài lòng của người dân, tổ chức",
    max: 3.5,
    method: "Điều tra XHH",
    survey: true,
  },
  { code: "3.1", title: "Tiếp cận dịch vụ", max: 0.5, method: "Điều tra xã hội học", survey: true },
  { code: "3.2", title: "Thủ tục hành chính", max: 0.5, method: "ĐTXHH", survey: true },
  { code: "3.3", title: "Công chức giải quyết TTHC", max: 0.5, method: "Khảo sát", survey: true },
  { code: "3.4", title: "Kết quả giải quyết TTHC", max: 0.5, method: "Người dân đánh giá", survey: true },
  { code: "3.5", title: "Tiếp nhận góp ý, phản ánh", max: 0.5, method: "Điều tra XHH", survey: true },
  { code: "3.6", title: "Cung cấp dịch vụ công trực tuyến", max: 0.5, method: "Điều tra XHH", survey: true },
  { code: "3.7", title: "Chất lượng dịch vụ y tế, giáo dục", max: 0.5, method: "Điều tra XHH", survey: true },
  { code: "IV", title: "Sáng kiến trong CCHC", max: 1, method: "Điểm cộng" },
  { code: "4.1", title: "Sáng kiến được công nhận", max: 1, method: "Điểm cộng" },
  { code: "V", title: "Vi phạm trong thực hiện nhiệm vụ CCHC", max: 1, method: "Điểm trừ" },
  { code: "5.1", title: "Bị phê bình, nhắc nhở", max: 1, method: "Trừ điểm" },
];
const isLeaf = (r: Row) => r.code.includes(".");

const CRITERIA: SheetSnapshot = {
  name: "Bộ tiêu chí",
  values: [
    ["BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC CẤP SỞ NĂM 2025", null, null, null],
    [null, null, null, null],
    ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Phương pháp đánh giá"],
    ...ROWS.map((r): CellValue[] => [r.code, r.title, r.max, r.method]),
    [null, "Tổng cộng", 9.5, null],
  ],
};

const UNITS = [
  "Sở Tư pháp",
  "Sở Tài chính",
  "Sở Nội vụ",
  "Sở Xây dựng",
  "Sở Y tế",
  "Sở Công Thương",
  "Sở Khoa học và Công nghệ",
  "Sở Văn hóa, Thể thao và Du lịch",
  "Sở Giáo dục và Đào tạo",
  "Sở Nông nghiệp và Môi trường",
  "Sở Ngoại vụ",
  "Sở Dân tộc và Tôn giáo",
  "Văn phòng UBND tỉnh",
  "Thanh tra tỉnh",
  "Ban Quản lý các khu công nghiệp",
  "Sở Giao thông",
  "Sở Kế hoạch",
  "Sở Thông tin",
  "Sở Lao động",
  "Ban Dân tộc",
];

type UnitOptions = {
  /** Leaf codes whose self-score cell the unit filled although they are survey criteria. */
  selfScoredSurvey?: string[];
  /** Leaf codes scored without evidence. */
  noEvidence?: string[];
  /** Survey points written by Sở Nội vụ in the appraised column (Sở Nội vụ's workbook). */
  surveyPoints?: boolean;
  /** Method cells the unit's sheet says differently from the criteria sheet, by leaf code. */
  methods?: Record<string, string>;
};

/**
 * A unit's sheet as agencies fill it in: it repeats the method column; ordinary leaves carry a
 * self-score and evidence; survey leaves are left blank by the unit.
 */
function unitSheet(unit: string, i: number, opts: UnitOptions = {}): SheetSnapshot {
  const header = [
    "STT",
    "Nội dung",
    "Điểm tối đa",
    "Phương pháp đánh giá",
    "Điểm tự đánh giá",
    "Tài liệu kiểm chứng",
    "Điểm thẩm định",
  ];
  const rows = ROWS.map((criterion): CellValue[] => {
    const r = { ...criterion, method: opts.methods?.[criterion.code] ?? criterion.method };
    if (!isLeaf(r)) return [r.code, r.title, r.max, r.method, null, null, null];
    if (r.survey) {
      const self = opts.selfScoredSurvey?.includes(r.code) ? r.max : null;
      const survey = opts.surveyPoints ? [0.5, 0.45, 0.4][i % 3] : null;
      return [r.code, r.title, r.max, r.method, self, null, survey];
    }
    if (r.code === "4.1" || r.code === "5.1") return [r.code, r.title, r.max, r.method, null, null, null];
    const evidence = opts.noEvidence?.includes(r.code) ? null : `Văn bản số ${i + 10}/${r.code}`;
    return [r.code, r.title, r.max, r.method, r.max, evidence, null];
  });
  return {
    name: unit.slice(0, 31),
    values: [
      ["BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2025", null, null, null, null, null, null],
      [`Đơn vị: ${unit}`, null, null, null, null, null, null],
      header,
      ...rows,
    ],
  };
}

const codesOf = (result: JsonResult, code: string) => result.issues.filter((i) => i.code === code);

describe("a criteria sheet with a method column (Phương pháp đánh giá), end to end", () => {
  const provinceBook: WorkbookSnapshot = {
    sheets: [
      CRITERIA,
      ...UNITS.map((u, i) =>
        unitSheet(u, i, {
          surveyPoints: true,
          selfScoredSurvey: u === "Sở Y tế" ? ["3.2"] : [],
          noEvidence: u === "Sở Xây dựng" ? ["2.2"] : [],
          methods: u === "Sở Nội vụ" ? { "3.3": "Tự đánh giá" } : {},
        }),
      ),
    ],
  };

  it("Sở Nội vụ's workbook of 20 units: survey leaves need no evidence; the real problems are found", async () => {
    const file = await writeXlsx(tempDir(), "tong-hop-20-don-vi.xlsx", provinceBook);
    const run = await runCli(["check", file, "--json"]);
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(result.units).toHaveLength(20);
    expect(result.criteria).toMatchObject({ sheet: "Bộ tiêu chí", maxPoints: 9.5 });
    // No "Có điểm nhưng thiếu tài liệu kiểm chứng" on the 7 × 20 survey cells; only the one real one.
    expect(codesOf(result, "evidence_missing").map((i) => [i.sheet, i.cell])).toEqual([
      ["Sở Xây dựng", "F9"],
    ]);
    expect(codesOf(result, "score_blank")).toEqual([]);
    expect(codesOf(result, "survey_missing")).toEqual([]);
    // The survey criterion the unit wrongly self-scored is reported at its cell; 2.1 ("Khảo sát, …"
    // in its title, "Tự đánh giá" in the method column) is not taken for a survey criterion.
    expect(codesOf(result, "survey_self_scored").map((i) => [i.sheet, i.cell, i.criterion])).toEqual([
      ["Sở Y tế", "E12", "3.2"],
    ]);
    // A unit's sheet whose method column contradicts the criteria sheet: said at the cell.
    expect(codesOf(result, "role_differs").map((i) => [i.sheet, i.cell, i.criterion, i.message])).toEqual([
      [
        "Sở Nội vụ",
        "D13",
        "3.3",
        'Ô ghi "Tự đánh giá" (tiêu chí tự đánh giá, thẩm định) nhưng bộ tiêu chí xếp tiêu chí này là tiêu chí điều tra xã hội học; tính theo bộ tiêu chí.',
      ],
    ]);
    expect(result.issues).toHaveLength(3);
    expect(run.code).toBe(0);
  });

  it("the explanation does not list survey leaves among the lost points, and counts their points", () => {
    const analysis = analyzeWorkbook(provinceBook);
    const tuPhap = explainUnit(analysis, "Sở Tư pháp");
    expect(tuPhap?.lostPoints).toEqual([]);
    // Ordinary 6 + survey 7 × 0,5 = 9,5 of 9,5.
    expect(tuPhap).toMatchObject({ points: 9.5, maxPoints: 9.5, index: 100 });
    const taiChinh = explainUnit(analysis, "Sở Tài chính");
    expect(taiChinh?.lostPoints.map((l) => [l.code, l.source])).toEqual(
      ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7"].map((c) => [c, "survey"]),
    );
  });

  it("an agency's own check (scoreSource self): blank survey cells are not 'chưa được chấm điểm'", async () => {
    const dir = tempDir();
    const own: WorkbookSnapshot = {
      sheets: [CRITERIA, unitSheet("Sở Tư pháp", 0, { selfScoredSurvey: ["3.5"] })],
    };
    const file = await writeXlsx(dir, "so-tu-phap.xlsx", own);
    const settings = path.join(dir, "tu-kiem-tra.json");
    writeFileSync(settings, JSON.stringify({ scoreSource: "self" }));
    const run = await runCli(["check", file, "--settings", settings, "--json"]);
    const result = JSON.parse(run.stdout) as JsonResult;
    expect(codesOf(result, "score_blank")).toEqual([]);
    expect(codesOf(result, "survey_missing")).toEqual([]);
    expect(codesOf(result, "evidence_missing")).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.cell, i.criterion])).toEqual([
      ["survey_self_scored", "E15", "3.5"],
    ]);
    expect(run.code).toBe(0);
    // In Vietnamese, the one line that matters.
    const text = await runCli(["check", file, "--settings", settings]);
    expect(text.stdout).toContain("Tiêu chí điều tra xã hội học không tự chấm; điểm tự đánh giá bị bỏ qua.");
    expect(text.stdout).not.toContain("chưa được chấm điểm");
    expect(text.stdout).not.toContain("thiếu tài liệu kiểm chứng");
  });
});
