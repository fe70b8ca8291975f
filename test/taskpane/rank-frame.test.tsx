/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen, waitFor } from "@testing-library/react";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { renderPane, waitUntilIdle } from "./render-pane";

const book = buildProvinceWorkbook({ units: 6, layout: "unitSheets", seed: 9 });

describe("Xếp hạng: the printed frame and the sheet shown after ranking", () => {
  it("saves the frame typed in the rank tab with the settings and prints it on the ranking sheets", async () => {
    const { fake, user } = await renderPane(book.snapshot);
    await user.click(screen.getByRole("tab", { name: "Xếp hạng" }));
    await user.click(screen.getByRole("button", { name: "Khung văn bản in (phụ lục)" }));
    // Pasted rather than typed key by key: the text is long.
    const paste = async (name: string, text: string) => {
      await user.click(screen.getByRole("textbox", { name }));
      await user.paste(text);
    };
    await paste("Cơ quan ban hành (mỗi dòng một dòng)", "UBND tỉnh Thanh Hóa\nSở Nội vụ");
    await paste("Địa danh, ngày tháng", "Thanh Hóa, ngày 15 tháng 3 năm 2026");
    await paste(
      "Chữ ký: chức vụ rồi họ tên; các khối cách nhau một dòng trống",
      "KT. Giám đốc\nPhó Giám đốc\nNguyễn Văn An",
    );
    await user.click(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" }));
    await waitFor(() => expect(fake.plans).toHaveLength(1));
    await waitUntilIdle(fake, 2);
    const plan = fake.plans[0];
    expect(JSON.parse(plan.settingsJson ?? "{}").frame).toEqual({
      issuer: ["UBND tỉnh Thanh Hóa", "Sở Nội vụ"],
      appendix: [],
      title: [],
      notes: [],
      placeAndDate: "Thanh Hóa, ngày 15 tháng 3 năm 2026",
      signatures: [{ role: ["KT. Giám đốc", "Phó Giám đốc"], name: "Nguyễn Văn An" }],
      font: "Times New Roman",
    });
    const ranking = plan.sheets.find((s) => s.purpose === "ranking")!;
    const texts = ranking.patches.flatMap((p) => p.values.flat());
    for (const text of ["UBND TỈNH THANH HÓA", "SỞ NỘI VỤ", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"]) expect(texts).toContain(text);
  }, 90_000);

  it("brings the first ranking sheet to the front after ranking", async () => {
    const { fake, user } = await renderPane(book.snapshot);
    await user.click(screen.getByRole("tab", { name: "Xếp hạng" }));
    await user.click(screen.getByRole("button", { name: "Xếp hạng và ghi kết quả" }));
    await waitFor(() => expect(fake.plans).toHaveLength(1));
    const first = fake.plans[0].sheets.find((s) => s.purpose === "ranking")!;
    await waitFor(() => expect(fake.goTo).toHaveBeenCalledWith(first.name, null));
  });
});
