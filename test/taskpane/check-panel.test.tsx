/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, within } from "@testing-library/react";
import { analyzeWorkbook } from "../../src/core/analyze";
import { describeIssue } from "../../src/core/issues";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { renderPane, waitUntilIdle } from "./render-pane";

const book = buildProvinceWorkbook({ units: 6, layout: "unitSheets", mistakes: true, seed: 11 });
const expected = analyzeWorkbook(book.snapshot);
const aboveMax = book.mistakes.find((m) => m.code === "score_above_max")!;

async function openCheckAndRun(options: Parameters<typeof renderPane>[1] = {}) {
  const pane = await renderPane(book.snapshot, options);
  await pane.user.click(screen.getByRole("tab", { name: "Kiểm tra" }));
  await pane.user.click(screen.getByRole("button", { name: "Kiểm tra toàn bộ" }));
  await waitUntilIdle(pane.fake, 2);
  return pane;
}

/** The issue buttons shown in the list (one per issue). */
const issueButtons = () => screen.getAllByRole("listitem").map((item) => within(item).getByRole("button"));

describe("Kiểm tra: checking the whole workbook", () => {
  it("shows the counts of errors and warnings the engine found", async () => {
    await openCheckAndRun();
    const errors = expected.issues.filter((i) => i.severity === "error").length;
    const warnings = expected.issues.filter((i) => i.severity === "warning").length;
    expect(errors).toBeGreaterThan(0);
    const status = screen.getByRole("status", { name: "Toàn bộ bảng tính" });
    expect(within(status).getByText(`${errors} lỗi`)).toBeInTheDocument();
    expect(within(status).getByText(`${warnings} cảnh báo`)).toBeInTheDocument();
  });

  it("lists every planted mistake at its cell with its Vietnamese message", async () => {
    await openCheckAndRun();
    for (const mistake of book.mistakes) {
      const issue = expected.issues.find(
        (i) => i.code === mistake.code && i.sheet === mistake.sheet && i.cell === mistake.cell,
      );
      expect(issue).toBeDefined();
      const button = issueButtons().find(
        (b) => b.textContent?.startsWith(mistake.cell) && b.textContent.includes(describeIssue(issue!, "vi")),
      );
      expect(button).toBeDefined();
    }
  });

  it("selects the issue's cell on its sheet when the issue is clicked", async () => {
    const { fake, user } = await openCheckAndRun();
    const button = issueButtons().find(
      (b) => b.textContent?.startsWith(aboveMax.cell) && b.textContent.includes("vượt điểm tối đa"),
    )!;
    await user.click(button);
    expect(fake.goTo).toHaveBeenCalledWith(aboveMax.sheet, aboveMax.cell);
  });

  it("groups the issues by unit and sheet, counting the unit's errors as the ranking and explain tab do", async () => {
    await openCheckAndRun();
    const errors = expected.results.find((r) => r.unit === aboveMax.unit)!.errorCount;
    expect(errors).toBeGreaterThan(0);
    const header = screen.getByRole("button", {
      name: new RegExp(`^${aboveMax.unit} · sheet ${aboveMax.sheet} \\(${errors} lỗi(, \\d+ cảnh báo)?\\)$`),
    });
    expect(header).toHaveAttribute("aria-expanded", "true");
  });

  it("shows only warnings when the severity filter says so", async () => {
    const { user } = await openCheckAndRun();
    await user.selectOptions(screen.getByRole("combobox", { name: "Mức độ" }), "warning");
    const shown = issueButtons();
    const warnings = expected.issues.filter((i) => i.severity === "warning");
    expect(shown).toHaveLength(warnings.length);
    for (const b of shown) expect(b).toHaveTextContent("Cảnh báo");
    expect(
      screen.getByText(`Đang hiện ${warnings.length}/${expected.issues.length} vấn đề`),
    ).toBeInTheDocument();
  });

  it("shows only one rule's issues when the rule filter says so", async () => {
    const { user } = await openCheckAndRun();
    await user.selectOptions(screen.getByRole("combobox", { name: "Quy tắc" }), "Điểm vượt tối đa");
    const shown = issueButtons();
    expect(shown).toHaveLength(expected.issues.filter((i) => i.code === "score_above_max").length);
    expect(shown[0]).toHaveTextContent(aboveMax.cell);
  });

  it("marks the cells of the shown issues and clears the marks", async () => {
    const { fake, user } = await openCheckAndRun();
    await user.selectOptions(screen.getByRole("combobox", { name: "Quy tắc" }), "Điểm vượt tối đa");
    await user.click(screen.getByRole("button", { name: "Tô màu ô lỗi" }));
    expect(fake.highlightIssues).toHaveBeenCalledTimes(1);
    const marked = fake.highlightIssues.mock.calls[0][0] as { sheet: string; cell: string }[];
    expect(marked.map((i) => [i.sheet, i.cell])).toEqual([[aboveMax.sheet, aboveMax.cell]]);
    await user.click(screen.getByRole("button", { name: "Xóa đánh dấu" }));
    expect(fake.clearHighlights).toHaveBeenCalledTimes(1);
    expect(screen.getByText("Đã xóa đánh dấu.")).toBeInTheDocument();
  });

  it("updates the list when the check runs again after a correction", async () => {
    const { fake, user } = await openCheckAndRun();
    expect(issueButtons().some((b) => b.textContent?.startsWith(aboveMax.cell))).toBe(true);
    fake.setCell(aboveMax.sheet, aboveMax.cell, 1);
    await user.click(screen.getByRole("button", { name: "Kiểm tra toàn bộ" }));
    await waitUntilIdle(fake, 3);
    expect(
      issueButtons().some(
        (b) => b.textContent?.startsWith(`${aboveMax.cell}`) && b.textContent.includes("vượt"),
      ),
    ).toBe(false);
  });
});

describe("Kiểm tra: checking the active sheet only (an agency before it submits)", () => {
  it("lists only the issues of the active sheet", async () => {
    const { fake, user } = await renderPane(book.snapshot, { activeSheet: aboveMax.sheet });
    await user.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    await user.click(screen.getByRole("button", { name: "Kiểm tra sheet đang mở" }));
    await waitUntilIdle(fake, 2);
    const own = expected.issues.filter((i) => i.sheet === aboveMax.sheet);
    expect(screen.getByRole("status", { name: `Sheet ${aboveMax.sheet}` })).toBeInTheDocument();
    expect(issueButtons()).toHaveLength(own.length);
    expect(own.length).toBeLessThan(expected.issues.length);
  });
});

describe("Kiểm tra: host failures", () => {
  it("shows the host's Vietnamese message, not a stack trace", async () => {
    const failure = new Error("RichApi.Error: GeneralException");
    failure.stack = "Error: RichApi.Error\n    at Excel.run (office.js:1:1)";
    const { user } = await renderPane(book.snapshot, { readError: failure });
    await user.click(screen.getByRole("tab", { name: "Kiểm tra" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Excel không phản hồi. Hãy thử lại.");
    expect(alert).not.toHaveTextContent("office.js");
    expect(alert).not.toHaveTextContent("RichApi");
  });
});
