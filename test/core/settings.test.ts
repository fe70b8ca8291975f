import { bandsFor, defaultSettings, parseSettings } from "../../src/core/settings";

describe("settings", () => {
  it("defaults to the ranking rules of the domain reference", () => {
    const s = defaultSettings();
    expect(s.scoreSource).toBe("appraised");
    expect(s.notApplicable).toBe("exclude");
    expect(s.tieBreak).toBe("shared");
    expect(s.decimals).toBe(2);
    expect(s.defaultBands.map((b) => [b.label, b.min])).toEqual([
      ["A", 90],
      ["B", 80],
      ["C", 70],
      ["D", 0],
    ]);
    expect(s.surveyOptionWeights).toEqual({ A: 1, B: 0.6, C: 0.2, D: 0 });
  });

  it("survives a JSON round trip unchanged", () => {
    const s = defaultSettings();
    expect(parseSettings(JSON.parse(JSON.stringify(s))).settings).toEqual(s);
  });

  it("reports each invalid setting by its path, in Vietnamese, and falls back to the defaults", () => {
    const { settings, problems } = parseSettings({ decimals: 9, scoreSource: "khác" });
    expect(settings).toEqual(defaultSettings());
    expect(problems.map((p) => p.path).sort()).toEqual(["decimals", "scoreSource"]);
    expect(problems.find((p) => p.path === "decimals")?.message).toMatch(/Quá lớn/);
  });

  it("speaks English when asked", () => {
    const { problems } = parseSettings({ decimals: -1 }, "en");
    expect(problems[0].message).toMatch(/Too small/);
  });

  it("takes per-group bands over the default ones", () => {
    const { settings } = parseSettings({
      bandsByGroup: {
        "Cấp huyện": [
          { label: "Tốt", min: 80 },
          { label: "Khá", min: 70 },
        ],
      },
    });
    expect(bandsFor(settings, "Cấp huyện")[0].label).toBe("Tốt");
    expect(bandsFor(settings, "Sở, ban, ngành")[0].label).toBe("A");
  });

  it("reads per-sheet layout corrections and refuses impossible ones by path", () => {
    expect(defaultSettings().sheetLayouts).toEqual({});
    const ok = parseSettings({
      sheetLayouts: {
        "Tong hop": { kind: "scoring", orientation: "unitsInRows", headerRows: [3, 4], codeRow: 4 },
      },
    });
    expect(ok.problems).toEqual([]);
    expect(ok.settings.sheetLayouts["Tong hop"]).toEqual({
      kind: "scoring",
      orientation: "unitsInRows",
      headerRows: [3, 4],
      codeRow: 4,
    });
    const bad = parseSettings({
      sheetLayouts: { A: { orientation: "diagonal" }, B: { headerRows: [5, 2] }, C: { codeColumn: "1" } },
    });
    expect(bad.problems.map((p) => p.path).sort()).toEqual([
      "sheetLayouts.A.orientation",
      "sheetLayouts.B.headerRows",
      "sheetLayouts.C.codeColumn",
    ]);
  });

  it("refuses column letters that are not letters", () => {
    expect(parseSettings({ columns: { criteria: { maxPoints: "3" } } }).problems[0].path).toBe(
      "columns.criteria.maxPoints",
    );
    expect(parseSettings({ columns: { criteria: { maxPoints: "D" } } }).problems).toEqual([]);
  });
});
