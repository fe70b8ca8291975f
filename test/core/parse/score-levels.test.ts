import { parseLevels } from "../../../src/core/parse/score-levels";

describe("parseLevels: the Mức điểm column", () => {
  it("reads a list with decimal commas", () => {
    expect(parseLevels("0; 0,5; 1")).toEqual({
      levels: { kind: "values", values: [0, 500000, 1000000] },
      invalid: false,
    });
  });
  it("reads a step written as 'bước 0,25' or as a single number", () => {
    expect(parseLevels("bước 0,25")).toEqual({ levels: { kind: "step", step: 250000 }, invalid: false });
    expect(parseLevels("0,25")).toEqual({ levels: { kind: "step", step: 250000 }, invalid: false });
    expect(parseLevels(0.5)).toEqual({ levels: { kind: "step", step: 500000 }, invalid: false });
  });
  it("gives no levels for a blank cell", () => {
    expect(parseLevels(null)).toEqual({ levels: null, invalid: false });
    expect(parseLevels("  ")).toEqual({ levels: null, invalid: false });
  });
  it("flags unreadable text", () => {
    expect(parseLevels("tùy mức độ")).toEqual({ levels: null, invalid: true });
    expect(parseLevels("0; nửa; 1")).toEqual({ levels: null, invalid: true });
    expect(parseLevels("bước 0")).toEqual({ levels: null, invalid: true });
  });
});

describe("parseLevels: numbers it cannot hold", () => {
  it("flags a step of 1e308", () => {
    expect(parseLevels(1e308)).toEqual({ levels: null, invalid: true });
    expect(parseLevels("0; 1e308")).toEqual({ levels: null, invalid: true });
  });
});
