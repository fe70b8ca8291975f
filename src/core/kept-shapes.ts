/**
 * One instance kept, for as long as the engine is loaded, of each class whose instances live only
 * while a sheet is read (a header search's Region, a matrix's ColumnBlocks).
 *
 * V8 compiles a hot method for the hidden class ("map") of the objects it has seen and holds that
 * class only weakly. When the last instance made by an analysis is collected, the next full
 * collection finds the class gone and throws away every method compiled for it: the next analysis,
 * or the rest of this one when the collection falls in the middle of a 10,000-unit matrix, runs
 * them unoptimised until they are compiled again. Measured: an analysis of 1,000 units after a full
 * collection took 490 ms instead of 290 (docs/benchmarks.md, issue 13, fifth pass). An instance kept
 * here keeps its class, and the compiled code, alive. Purely an optimisation: nothing reads them.
 */
const kept: object[] = [];

/** Keeps `instance` (made once, when its module is loaded) alive for good. */
export function keepShapeOf(instance: object): void {
  kept.push(instance);
}
