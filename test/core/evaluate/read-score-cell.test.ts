import { isNotApplicableText, readScoreCell } from "../../../src/core/evaluate/read-score-cell";

describe("readScoreCell: what a score cell means", () => {
  it("reads a number typed as a number", () => {
    expect(readScoreCell(0.75)).toEqual({ kind: "number", points: 0.75, micro: 750_000 });
  });

  it("reads a decimal comma typed as text, with stray spaces", () => {
    expect(readScoreCell("0,75")).toEqual({ kind: "number", points: 0.75, micro: 750_000 });
    expect(readScoreCell(" 1,5 ")).toEqual({ kind: "number", points: 1.5, micro: 1_500_000 });
  });

  it("treats null and white space as blank", () => {
    expect(readScoreCell(null)).toEqual({ kind: "blank" });
    expect(readScoreCell("  \u00a0")).toEqual({ kind: "blank" });
  });

  it.each([
    "Không áp dụng",
    "không áp dụng",
    "Khong ap dung",
    "KAD",
    "kad",
    "N/A",
    "NA",
    "Không đánh giá",
    "KĐG",
    "KDG",
  ])("reads %p as not applicable", (text) => {
    expect(readScoreCell(text)).toEqual({ kind: "notApplicable" });
  });

  it("does not take other words for not applicable", () => {
    expect(isNotApplicableText("Không đạt")).toBe(false);
    expect(isNotApplicableText("Áp dụng")).toBe(false);
  });

  it("reports words such as “đạt” as not a number, quoting the input", () => {
    expect(readScoreCell("đạt")).toEqual({ kind: "invalid", code: "score_not_number", input: "đạt" });
  });

  it("reports a boolean as not a number", () => {
    expect(readScoreCell(true)).toEqual({ kind: "invalid", code: "score_not_number", input: "TRUE" });
  });

  it("reports an error value such as #REF!, whether it arrives as an error or as its text", () => {
    expect(readScoreCell({ error: "#REF!" })).toEqual({
      kind: "invalid",
      code: "score_error_value",
      input: "#REF!",
    });
    expect(readScoreCell("#VALUE!")).toEqual({
      kind: "invalid",
      code: "score_error_value",
      input: "#VALUE!",
    });
  });

  it("keeps an absurdly large number out of exact arithmetic without throwing", () => {
    const reading = readScoreCell(1e305);
    expect(reading.kind).toBe("number");
    if (reading.kind === "number") expect(reading.micro).toBe(Number.MAX_SAFE_INTEGER);
  });
});
