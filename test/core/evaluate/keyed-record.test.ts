/**
 * A unit's `leaves` and `nodes` are made from a record that already has their keys
 * (keyed-record.ts). Nothing a reader sees may differ from a record filled key by key: the
 * keys, their order (integer-like codes first, as JavaScript orders them), JSON, independence.
 */
import { analyzeWorkbook } from "../../../src/core/analyze";
import { recordWithKeys } from "../../../src/core/evaluate/keyed-record";
import { buildProvinceWorkbook } from "../../fixtures/province-workbook";

/** A plain record filled key by key, as the results were made before. */
function filled<T>(entries: readonly [string, T][]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of entries) out[k] = v;
  return out;
}

describe("recordWithKeys", () => {
  const keys = ["I", "1.1", "2", "1.2", "10", "II", "2.1", "1"];

  it("gives the keys, and the order, JSON and equality of a record filled in the same order", () => {
    const entries = keys.map((k, i): [string, number] => [k, i]);
    const record = recordWithKeys<number>(keys);
    for (const [k, v] of entries) record[k] = v;
    const plain = filled(entries);
    expect(Object.keys(record)).toEqual(Object.keys(plain));
    expect(Object.keys(record).slice(0, 3)).toEqual(["1", "2", "10"]);
    expect(JSON.stringify(record)).toBe(JSON.stringify(plain));
    expect(record).toEqual(plain);
  });

  it("gives a new record each time: filling one changes neither the next nor the shape kept", () => {
    const first = recordWithKeys<string>(keys);
    first["1.1"] = "một";
    first.extra = "thêm";
    const second = recordWithKeys<string>(keys);
    expect(second["1.1"]).toBeUndefined();
    expect("extra" in second).toBe(false);
    expect(Object.keys(second)).toEqual(Object.keys(filled(keys.map((k) => [k, 0]))));
  });
});

describe("a unit's leaves and nodes", () => {
  it("hold every leaf and every field and criterion, in the criteria's order, each with its own result", () => {
    const { snapshot } = buildProvinceWorkbook({ units: 6, layout: "matrix", mistakes: true });
    const analysis = analyzeWorkbook(snapshot);
    const criteria = analysis.criteria;
    if (!criteria) throw new Error("the fixture has a criteria sheet");
    const leafIds = criteria.leafIds.filter((id) => criteria.nodes[id]);
    for (const r of analysis.results) {
      expect(Object.keys(r.leaves)).toEqual(Object.keys(filled(leafIds.map((id) => [id, 0]))));
      for (const [id, leaf] of Object.entries(r.leaves)) expect(leaf.criterionId).toBe(id);
      for (const [id, node] of Object.entries(r.nodes)) expect(node.criterionId).toBe(id);
      for (const id of criteria.fieldIds) expect(r.nodes[id]).toBeDefined();
    }
    // Each unit its own objects: two units' results of one leaf are different objects.
    const [a, b] = analysis.results;
    expect(a.leaves[leafIds[0]]).not.toBe(b.leaves[leafIds[0]]);
    expect(a.nodes[criteria.fieldIds[0]]).not.toBe(b.nodes[criteria.fieldIds[0]]);
  });
});
