import {
  classifyHeaderText,
  classifyJoinedLabels,
  isGenericScoreLabel,
  isNumberingRow,
} from "../../../src/core/parse/header-roles";

describe("classifyHeaderText: column roles by folded key phrases", () => {
  it.each([
    ["STT", "code"],
    ["TT", "code"],
    ["Mã số", "code"],
    ["Mã tiêu chí", "code"],
    ["Lĩnh vực, tiêu chí, tiêu chí thành phần", "title"],
    ["Nội dung đánh giá", "title"],
    ["Tiêu chí", "title"],
    ["Điểm tối đa", "maxPoints"],
    ["Thang điểm", "maxPoints"],
    ["Điểm chuẩn", "maxPoints"],
    ["Phương pháp đánh giá", "method"],
    ["Cách chấm", "method"],
    ["Mức điểm", "levels"],
    ["Trọng số", "weight"],
    ["Loại", "kind"],
    ["Nguồn điểm", "kind"],
    ["Điểm tự đánh giá", "selfScore"],
    ["Tự chấm", "selfScore"],
    ["Điểm đơn vị tự chấm", "selfScore"],
    ["Điểm thẩm định", "appraisedScore"],
    ["Điểm Hội đồng thẩm định", "appraisedScore"],
    ["Điểm điều tra XHH", "surveyPoints"],
    ["ĐTXHH", "surveyPoints"],
    ["Khảo sát", "surveyPoints"],
    ["Tài liệu kiểm chứng", "evidence"],
    ["TLKC", "evidence"],
    ["Giải trình", "explanation"],
    ["Ghi chú", "comment"],
    ["Ý kiến hội đồng thẩm định", "comment"],
    ["Tên đơn vị", "unitName"],
    ["Cơ quan", "unitName"],
    ["Khối", "group"],
    ["Khối thi đua", "group"],
  ])("%p names the %p column", (text, role) => {
    expect(classifyHeaderText(text)?.role).toBe(role);
  });

  it("does not take the maximum for a score column", () => {
    expect(classifyHeaderText("Điểm tối đa được chấm")?.role).toBe("maxPoints");
    expect(classifyHeaderText("Mức điểm tối đa")?.role).toBe("maxPoints");
  });

  it("does not take the appraised score for the self-score", () => {
    expect(classifyHeaderText("Điểm thẩm định")?.role).not.toBe("selfScore");
    expect(classifyHeaderText("Điểm sau thẩm định")?.role).toBe("appraisedScore");
  });

  it("reads NFD, upper-case and oddly spaced headers like NFC ones", () => {
    const nfd = "ĐIỂM   TỰ\u00a0ĐÁNH GIÁ".normalize("NFD");
    expect(classifyHeaderText(nfd)?.role).toBe("selfScore");
    expect(classifyHeaderText("  điểm tối đa: ".normalize("NFD"))?.role).toBe("maxPoints");
  });

  it("names no role for text that is not a header", () => {
    expect(classifyHeaderText("Sở Tư pháp")).toBeNull();
    // "Hội đồng nhân dân" names a unit, not the appraisal council ("Điểm hội đồng").
    expect(classifyHeaderText("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh")).toBeNull();
    expect(classifyHeaderText("VĂN PHÒNG HỘI ĐỒNG  NHÂN DÂN VÀ UBND HUYỆN")).toBeNull();
    expect(classifyHeaderText("Điểm hội đồng")?.role).toBe("appraisedScore");
    expect(classifyHeaderText("Điểm Hội đồng thẩm định HĐND")?.role).toBe("appraisedScore");
    expect(classifyHeaderText("(3)")).toBeNull();
    expect(classifyHeaderText("")).toBeNull();
  });

  it("names no role for text without a letter (scores, codes, column numbers)", () => {
    for (const text of ["0,25", "1.2.3", "(4)", "10 / 20", "- - -", "(1) = (2) + (3)"]) {
      expect(classifyHeaderText(text)).toBeNull();
    }
    expect(classifyHeaderText("TT")).not.toBeNull();
  });

  it("takes a bare 'Điểm' for a score only as a guess", () => {
    expect(classifyHeaderText("Điểm")).toEqual({ role: "selfScore", confidence: 1 });
  });
});

describe("isGenericScoreLabel: labels above score sub-columns that name no unit", () => {
  it("treats 'Điểm' and 'Kết quả chấm điểm' as generic", () => {
    expect(isGenericScoreLabel("Điểm")).toBe(true);
    expect(isGenericScoreLabel("Kết quả chấm điểm")).toBe(true);
  });
  it("treats a unit's name as specific", () => {
    expect(isGenericScoreLabel("Sở Tư pháp")).toBe(false);
  });
});

describe("isNumberingRow: a row of column numbers under the header", () => {
  it.each([
    [["(1)", "(2)", "(3)"]],
    [["A", "B", "1", "2"]],
    [["1", "2", "3", ""]],
    [["(1)", "(2)", "(3)=(1)+(2)"]],
  ])("%p is a numbering row", (cells) => {
    expect(isNumberingRow(cells)).toBe(true);
  });
  it.each([[["I", "CÔNG TÁC CHỈ ĐẠO", "10"]], [["1", ""]], [["STT", "Nội dung"]]])("%p is not", (cells) => {
    expect(isNumberingRow(cells)).toBe(false);
  });
});

describe("classifyJoinedLabels: a column's labels classified as their joined text", () => {
  it.each([
    [["Điểm", "Tự chấm"]],
    [["Sở Tư pháp", "Tự chấm"]],
    [["Mã", "số"]],
    [["Nội", "dung"]],
    [["Cơ quan: Sở Y tế", "STT"]],
    [["Điểm", "Hội đồng", "nhân dân"]],
    [["Tự", "chấm:"]],
    // A label that folds to nothing, a capital sigma, odd spaces: folded whole.
    [["\u0301", "STT"]],
    [["ΣΑΣ", "Tự chấm"]],
    [["Điểm\u200b", "\u00a0tự chấm"]],
    [["TỰ CHẤM".normalize("NFD"), "ĐIỂM"]],
    [["x".repeat(100), "Tự chấm"]],
  ])("%p reads as its joined text does", (labels) => {
    const text = labels.join(" ");
    const expected = classifyHeaderText(text);
    expect(classifyJoinedLabels(labels, text)).toEqual(expected);
  });

  it("names the role the joined text names, not the last label's", () => {
    expect(classifyJoinedLabels(["Mã", "số"], "Mã số")?.role).toBe("code");
    expect(classifyHeaderText("số")).toBeNull();
    expect(classifyJoinedLabels(["Nội", "dung"], "Nội dung")?.role).toBe("title");
  });
});
