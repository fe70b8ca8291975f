import { type CodeEntry, resolveCodes } from "../../../src/core/parse/code-tree";
import { parseCode } from "../../../src/core/parse/criterion-code";

const entries = (...codes: (string | number)[]): CodeEntry[] =>
  codes.map((c, row) => ({ row, code: parseCode(c)!, hasMax: true }));
const ids = (codes: (string | number)[]) =>
  resolveCodes(entries(...codes)).map((r) => r && `${r.id}@${r.depth}<${r.parentId ?? "-"}`);

describe("resolveCodes: a tree from codes in row order", () => {
  it("Roman fields with dotted criteria: depth is the number of segments", () => {
    expect(ids(["I", "1.1", "1.1.1", "1.2", "II", "2.1"])).toEqual([
      "I@1<-",
      "1.1@2<I",
      "1.1.1@3<1.1",
      "1.2@2<I",
      "II@1<-",
      "2.1@2<II",
    ]);
  });

  it("Roman fields with criteria numbered across the set: one level deeper", () => {
    expect(ids(["I", "1", "1.1", "2", "II", "3", "3.1"])).toEqual([
      "I@1<-",
      "1@2<I",
      "1.1@3<1",
      "2@2<I",
      "II@1<-",
      "3@2<II",
      "3.1@3<3",
    ]);
  });

  it("Arabic fields: 1, 1.1, 1.1.1", () => {
    expect(ids(["1", "1.1", "1.1.1", "2", "2.1"])).toEqual([
      "1@1<-",
      "1.1@2<1",
      "1.1.1@3<1.1",
      "2@1<-",
      "2.1@2<2",
    ]);
  });

  it("qualifies ids by field when criteria restart their numbering in each field", () => {
    expect(ids(["I", "1", "2", "II", "1", "1.1", "2"])).toEqual([
      "I@1<-",
      "I/1@2<I",
      "I/2@2<I",
      "II@1<-",
      "II/1@2<II",
      "II/1.1@3<II/1",
      "II/2@2<II",
    ]);
  });

  it("does not qualify for a single repeated code (a typo, reported as a duplicate)", () => {
    expect(ids(["I", "1", "2", "II", "3", "1"])).toEqual([
      "I@1<-",
      "1@2<I",
      "2@2<I",
      "II@1<-",
      "3@2<II",
      "1@2<II",
    ]);
  });

  it("reads 1.1 stored as a number after 1.9 as 1.10", () => {
    const codes = ["I", 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 1.1];
    expect(resolveCodes(entries(...codes)).map((r) => r?.id)).toEqual([
      "I",
      "1.1",
      "1.2",
      "1.3",
      "1.4",
      "1.5",
      "1.6",
      "1.7",
      "1.8",
      "1.9",
      "1.10",
    ]);
  });

  it("leaves a code typed as text alone even when it repeats", () => {
    expect(resolveCodes(entries("I", "1.1", "1.1")).map((r) => r?.id)).toEqual(["I", "1.1", "1.1"]);
  });

  it("gives null for codes deeper than three levels", () => {
    expect(resolveCodes(entries("1", "1.1", "1.1.1", "1.1.1.1")).map((r) => r?.depth ?? null)).toEqual([
      1,
      2,
      3,
      null,
    ]);
  });
});
