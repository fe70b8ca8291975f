import type { CellValue } from "../../src/core/grid";
import { describeIssue, makeIssue } from "../../src/core/issues";
import type { GroupRanking, UnitResult } from "../../src/core/model";
import { findCriteriaVersionIssues } from "../../src/cli/criteria-version";
import { formatRankingTable } from "../../src/cli/format-ranking-table";
import { defaultOutput } from "../../src/cli/main";
import { mergeSnapshots } from "../../src/cli/merge-snapshots";
import { parseCliArgs } from "../../src/cli/parse-cli-args";

const sheet = (name: string, values: CellValue[][] = [["x"]]) => ({ name, values });

describe("reading the arguments", () => {
  it("reads a rank command with its files and options", () => {
    expect(parseCliArgs(["rank", "a.xlsx", "b.xlsx", "-o", "out.xlsx", "--json", "--lang", "en"])).toEqual({
      kind: "run",
      options: {
        command: "rank",
        files: ["a.xlsx", "b.xlsx"],
        json: true,
        settingsFile: null,
        criteriaFile: null,
        criteriaSheet: null,
        lang: "en",
        output: "out.xlsx",
        inPlace: false,
        strict: false,
        previous: null,
        unit: null,
        rankingOnly: false,
      },
    });
  });

  it("reads rank --ranking-only, and refuses it with check or --in-place", () => {
    const ranked = parseCliArgs(["rank", "a.xlsx", "--ranking-only"]);
    expect(ranked.kind === "run" && ranked.options.rankingOnly).toBe(true);
    expect(parseCliArgs(["check", "a.xlsx", "--ranking-only"]).kind).toBe("usageError");
    expect(parseCliArgs(["rank", "a.xlsx", "--ranking-only", "--in-place"]).kind).toBe("usageError");
  });

  it("refuses -o with --in-place, -o with check, a command without files, an unknown option and a bad --lang", () => {
    const kinds = [
      ["rank", "a.xlsx", "-o", "b.xlsx", "--in-place"],
      ["check", "a.xlsx", "-o", "b.xlsx"],
      ["check"],
      ["check", "a.xlsx", "--xep-hang"],
      ["check", "a.xlsx", "--lang", "fr"],
    ].map((argv) => parseCliArgs(argv).kind);
    expect(kinds).toEqual(["usageError", "usageError", "usageError", "usageError", "usageError"]);
  });

  it("shows help with no arguments", () => {
    expect(parseCliArgs([])).toEqual({ kind: "help", lang: null });
  });
});

describe("the default output name", () => {
  it("puts .xep-hang before .xlsx, beside the input", () => {
    expect(defaultOutput("/du-lieu/so-noi-vu-2025.xlsx")).toBe("/du-lieu/so-noi-vu-2025.xep-hang.xlsx");
    expect(defaultOutput("tong-hop.XLSX")).toBe("tong-hop.xep-hang.xlsx");
    expect(defaultOutput("khong-duoi")).toBe("khong-duoi.xep-hang.xlsx");
  });
});

describe("merging several files' snapshots", () => {
  it("keeps the primary's names, renames a taken name ignoring case, drops the listed sheets, remembers each file", () => {
    const merged = mergeSnapshots(
      { file: "bo-tieu-chi.xlsx", snapshot: { sheets: [sheet("Bộ tiêu chí"), sheet("Tự đánh giá")] } },
      [
        {
          file: "so-y-te.xlsx",
          snapshot: { sheets: [sheet("TỰ ĐÁNH GIÁ"), sheet("_ParScorer"), sheet("Bộ tiêu chí")] },
          drop: new Set(["_ParScorer", "Bộ tiêu chí"]),
        },
      ],
    );
    expect(merged.snapshot.sheets.map((s) => s.name)).toEqual([
      "Bộ tiêu chí",
      "Tự đánh giá",
      "TỰ ĐÁNH GIÁ (2)",
    ]);
    expect(merged.sources.get("TỰ ĐÁNH GIÁ (2)")).toEqual({ file: "so-y-te.xlsx", sheet: "TỰ ĐÁNH GIÁ" });
    expect(merged.sources.get("Tự đánh giá")).toEqual({ file: "bo-tieu-chi.xlsx", sheet: "Tự đánh giá" });
  });
});

describe("another version of the criteria set", () => {
  const differs = (sheetName: string, cell: string, criterion = "1.1") =>
    makeIssue("max_differs", { sheet: sheetName, cell, criterion }, { actual: 3, max: 2 });
  const sources = new Map([
    ["A", { file: "/x/so-y-te.xlsx", sheet: "A" }],
    ["B (2)", { file: "/x/so-y-te.xlsx", sheet: "B" }],
    ["C", { file: "/x/so-xay-dung.xlsx", sheet: "C" }],
  ]);

  it("is reported once per file, listing each difference once (another maximum, missing, added)", () => {
    const found = findCriteriaVersionIssues(
      [
        differs("A", "C5"),
        differs("B (2)", "C5"),
        makeIssue("missing_criterion", { sheet: "A", criterion: "2.3" }),
        makeIssue("unknown_code", { sheet: "B (2)", cell: "A9" }, { input: "3.4" }),
        makeIssue("score_blank", { sheet: "C", cell: "D5", criterion: "1.1" }),
      ],
      sources,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      code: "criteria_version_differs",
      severity: "warning",
      sheet: "A",
      data: { count: 3, name: "so-y-te.xlsx", other: "A, B" },
    });
    expect(describeIssue(found[0], "vi")).toBe(
      "so-y-te.xlsx theo phiên bản bộ tiêu chí khác (3 khác biệt: 1.1 tối đa 3 thay vì 2; thiếu 2.3; thêm 3.4 (không có trong bộ); sheet A, B).",
    );
  });

  it("is reported for a file with a single difference, and not for a file without any", () => {
    const found = findCriteriaVersionIssues([differs("C", "C7", "2.1")], sources);
    expect(found.map((i) => [i.data.name, i.data.count])).toEqual([["so-xay-dung.xlsx", 1]]);
    expect(
      findCriteriaVersionIssues([makeIssue("score_blank", { sheet: "C", cell: "D5" })], sources),
    ).toEqual([]);
  });

  it("in a single workbook, is reported for a sheet from 3 differing maxima, not for 2", () => {
    const three = [differs("A", "C5", "1.1"), differs("A", "C6", "1.2"), differs("A", "C7", "2.1")];
    expect(findCriteriaVersionIssues(three, null)).toHaveLength(1);
    expect(findCriteriaVersionIssues(three.slice(1), null)).toEqual([]);
  });
});

describe("the printed ranking table", () => {
  const result = (unit: string, index: number, errorCount = 0) =>
    ({ unit, sheet: unit, group: "Khối xã", index, errorCount }) as unknown as UnitResult;
  const group: GroupRanking = {
    group: "Khối xã",
    average: 85.412,
    units: [
      { unit: "Xã Tân Lập", rank: 1, band: "A", result: result("Xã Tân Lập", 90.0249) },
      { unit: "Phường Ba Đình", rank: 2, band: "B", result: result("Phường Ba Đình", 80.8, 2) },
    ],
  };

  it("shows the index with 2 decimals and a comma, aligned, and marks units with errors", () => {
    expect(formatRankingTable([group], 2, "vi")).toEqual([
      "Khối xã — bình quân 85,41 %",
      "STT  Đơn vị              Chỉ số (%)  Xếp hạng  Xếp loại",
      "───  ──────────────────  ──────────  ────────  ────────",
      "  1  Xã Tân Lập               90,02         1  A",
      "  2  Phường Ba Đình (*)       80,80         2  B",
      "",
      "(*) đơn vị có lỗi trong bảng điểm; xem báo cáo kiểm tra.",
    ]);
  });

  it("shows 3 decimals when the settings say so, with the decimal comma in Vietnamese and the point in English", () => {
    expect(formatRankingTable([group], 3, "vi")[3]).toContain("90,025");
    expect(formatRankingTable([group], 3, "en")[3]).toContain("90.025");
    expect(formatRankingTable([group], 2, "en")[0]).toBe("Khối xã — average 85.41 %");
  });
});
