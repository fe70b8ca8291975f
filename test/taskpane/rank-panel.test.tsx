/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import { analyzeWorkbook } from "../../src/core/analyze";
import { formatDecimalVi } from "../../src/core/text";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { renderPane, waitUntilIdle } from "./render-pane";

const book = buildProvinceWorkbook({ units: 8, layout: "unitSheets", mistakes: true, seed: 5 });

async function openRank() {
  const pane = await renderPane(book.snapshot);
  await pane.user.click(screen.getByRole("tab", { name: "Xếp hạng" }));
  return pane;
}

describe("Xếp hạng: ranking writes the sheets and sums them up", () => {
  it("writes the ranking sheets through the port", async () => {
    const { fake, user } = await openRank();
    await user.click(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" }));
    await waitFor(() => expect(fake.plans).toHaveLength(1));
    const ranking = fake.plans[0].sheets.filter((s) => s.purpose === "ranking");
    expect(ranking.map((s) => s.group).sort()).toEqual([...new Set(book.units.map((u) => u.group))].sort());
    expect(
      await screen.findByText(`Đã ghi ${fake.plans[0].sheets.length} sheet xếp hạng.`),
    ).toBeInTheDocument();
  });

  it("shows the use case's progress while the sheets are written", async () => {
    let release = () => {};
    const writeGate = new Promise<void>((ok) => (release = ok));
    const { fake, user } = await renderPane(book.snapshot, { writeGate });
    await user.click(screen.getByRole("tab", { name: "Xếp hạng" }));
    await user.click(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" }));
    const bar = await screen.findByRole("progressbar", { name: "Đang ghi các sheet xếp hạng…" });
    expect(Number(bar.getAttribute("aria-valuenow"))).toBeCloseTo(0.5);
    expect(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" })).toBeDisabled();
    release();
    await waitUntilIdle(fake, 2);
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByRole("region", { name: "Kết quả theo khối" })).toBeInTheDocument();
  });

  it("shows each group's average with the Vietnamese decimal comma and its best unit", async () => {
    const { fake, user } = await openRank();
    await user.click(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" }));
    await waitUntilIdle(fake, 2);
    const expected = analyzeWorkbook(book.snapshot);
    for (const group of expected.groups) {
      const card = await screen.findByRole("article", { name: group.group });
      expect(
        within(card).getByText(`Bình quân: ${formatDecimalVi(group.average!, 2)} %`),
      ).toBeInTheDocument();
      const best = group.units[0];
      expect(
        within(card).getByText(`${best.rank}. ${best.unit}: ${formatDecimalVi(best.result.index!, 2)} %`),
      ).toBeInTheDocument();
    }
  });

  it("flags the units whose scores have errors", async () => {
    const { fake, user } = await openRank();
    await user.click(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" }));
    await waitUntilIdle(fake, 2);
    const withErrors = analyzeWorkbook(book.snapshot).results.filter((r) => r.errorCount > 0);
    expect(withErrors.length).toBeGreaterThan(0);
    expect(
      screen.getByText(`${withErrors.length} đơn vị có lỗi điểm; hãy xem thẻ Kiểm tra.`),
    ).toBeInTheDocument();
  });

  it("uses the settings chosen in the pane (3 decimals, the self-score) and saves them with the plan", async () => {
    const { fake, user } = await openRank();
    await user.selectOptions(screen.getByRole("combobox", { name: "Số chữ số thập phân" }), "3");
    await user.selectOptions(screen.getByRole("combobox", { name: "Điểm dùng để xếp hạng" }), "self");
    await user.click(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" }));
    await waitFor(() => expect(fake.plans).toHaveLength(1));
    const saved = JSON.parse(fake.plans[0].settingsJson ?? "null") as { decimals: number; scoreSource: string };
    expect(saved.decimals).toBe(3);
    expect(saved.scoreSource).toBe("self");
    const expected = analyzeWorkbook(book.snapshot, { decimals: 3, scoreSource: "self" });
    const group = expected.groups[0];
    const card = await screen.findByRole("article", { name: group.group });
    expect(within(card).getByText(`Bình quân: ${formatDecimalVi(group.average!, 3)} %`)).toBeInTheDocument();
  });

  it("saves group bands typed in the pane", async () => {
    const { fake, user } = await openRank();
    const group = book.units[0].group;
    await user.selectOptions(screen.getByRole("combobox", { name: "Xếp loại cho khối" }), group);
    const bands = screen.getByRole("textbox", { name: /Ngưỡng xếp loại/ });
    await user.clear(bands);
    await user.type(bands, "Tốt ≥ 85; Khá ≥ 70; Trung bình ≥ 0");
    await user.click(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" }));
    await waitFor(() => expect(fake.plans).toHaveLength(1));
    const saved = JSON.parse(fake.plans[0].settingsJson ?? "null") as { bandsByGroup: Record<string, unknown> };
    expect(saved.bandsByGroup[group]).toEqual([
      { label: "Tốt", min: 85 },
      { label: "Khá", min: 70 },
      { label: "Trung bình", min: 0 },
    ]);
  });

  it("refuses bands it cannot read and writes nothing", async () => {
    const { fake, user } = await openRank();
    const bands = screen.getByRole("textbox", { name: /Ngưỡng xếp loại/ });
    await user.clear(bands);
    await user.type(bands, "A lớn hơn 90");
    await user.click(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" }));
    expect(screen.getByText(/Không đọc được ngưỡng xếp loại/)).toBeInTheDocument();
    expect(fake.plans).toHaveLength(0);
  });

  it("opens a group's ranking sheet from the summary", async () => {
    const { fake, user } = await openRank();
    await user.click(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" }));
    await waitUntilIdle(fake, 2);
    const sheet = fake.plans[0].sheets.find((s) => s.purpose === "ranking")!;
    await user.click(screen.getByRole("button", { name: `Mở sheet ${sheet.name}` }));
    expect(fake.goTo).toHaveBeenCalledWith(sheet.name, null);
  });
});
