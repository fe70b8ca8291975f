/**
 * The pane's English texts agree with their counts ("1 error", "2 errors"), through the
 * language's plural rules; Vietnamese has no plural and reads the same for any count.
 */
import { en } from "../../src/taskpane/i18n/en";
import { makeTranslate } from "../../src/taskpane/i18n/messages";
import { vi } from "../../src/taskpane/i18n/vi";

const t = makeTranslate("en");

describe("English counts in the task pane", () => {
  it.each([
    ["check.errors", { count: 1 }, "1 error"],
    ["check.errors", { count: 2 }, "2 errors"],
    ["check.errors", { count: 0 }, "0 errors"],
    ["check.warnings", { count: 1 }, "1 warning"],
    ["check.shown", { shown: 1, total: 1 }, "Showing 1 of 1 issue"],
    ["check.marked", { count: 1 }, "Marked 1 cell."],
    ["rank.done", { count: 1 }, "Wrote 1 ranking sheet."],
    ["rank.done", { count: 3 }, "Wrote 3 ranking sheets."],
    ["rank.unitsWithErrors", { count: 1 }, "1 unit has score errors; see the Check tab."],
    ["rank.unitsWithErrors", { count: 2 }, "2 units have score errors; see the Check tab."],
    ["explain.issues", { errors: 1, warnings: 2 }, "1 error, 2 warnings in the scores"],
    ["compare.up", { n: 1 }, "Up 1 place"],
    ["import.total", { files: 1, units: 12 }, "1 file read: 12 units."],
    [
      "overview.criteriaStats",
      { fields: 8, leaves: 1, max: 100 },
      "8 fields, 1 scored criterion, maximum 100 points",
    ],
  ] as const)("%s with %j reads %j", (id, values, text) => {
    expect(t(id, values)).toBe(text);
  });

  it("no English text with a count says a plural noun after it without choosing by the count", () => {
    // "{count} errors", "{n} places", "{files} file(s)" would read "1 errors" or "file(s)".
    const counts =
      /\{(count|n|errors|warnings|total|files|units|bad|scoring|fields|leaves)\} (?:[a-z]+ )?(?!\{)[a-z()]+s\b|\(s\)/;
    const wrong = Object.entries(en).filter(([id, text]) => counts.test(text) && id !== "import.sheetUnits");
    expect(wrong).toEqual([]);
  });

  it("an English text without a plural form is filled as before, and Vietnamese has none", () => {
    expect(t("common.points", { points: 3, max: 5 })).toBe("3/5 points");
    expect(makeTranslate("vi")("check.errors", { count: 1 })).toBe(
      vi["check.errors"].replace("{count}", "1"),
    );
    expect(Object.values(vi).filter((text) => /\{\w+:/.test(text))).toEqual([]);
  });
});
