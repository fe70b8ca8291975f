/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { screen } from "@testing-library/react";
import { buildProvinceWorkbook } from "../fixtures/province-workbook";
import { renderPane } from "./render-pane";

const book = buildProvinceWorkbook({ units: 3, layout: "unitSheets", seed: 1 });

describe("language", () => {
  it("is Vietnamese when Office speaks Vietnamese", async () => {
    await renderPane(book.snapshot, { displayLanguage: "vi-VN" });
    expect(screen.getByRole("tab", { name: "Tổng quan" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Chấm điểm Chỉ số CCHC" })).toBeInTheDocument();
  });

  it("is English when Office's display language is not Vietnamese", async () => {
    await renderPane(book.snapshot, { displayLanguage: "fr-FR" });
    expect(screen.getByRole("tab", { name: "Overview" })).toBeInTheDocument();
    expect(screen.queryByRole("tab", { name: "Tổng quan" })).toBeNull();
  });

  it("changes every text when the switch is turned", async () => {
    const { user } = await renderPane(book.snapshot, { displayLanguage: "vi-VN" });
    await user.click(screen.getByRole("switch", { name: "English" }));
    expect(screen.getByRole("tab", { name: "Check" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Criteria sheet" })).toBeInTheDocument();
    await user.click(screen.getByRole("switch", { name: "English" }));
    expect(screen.getByRole("tab", { name: "Kiểm tra" })).toBeInTheDocument();
  });
});

describe("tabs", () => {
  it("selects a focused tab with the keyboard", async () => {
    const { user } = await renderPane(book.snapshot);
    screen.getByRole("tab", { name: "Kiểm tra" }).focus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("tab", { name: "Kiểm tra" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("button", { name: "Kiểm tra toàn bộ" })).toBeInTheDocument();
  });
});
