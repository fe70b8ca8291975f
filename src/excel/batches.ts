/**
 * Excel on the web refuses a request or a response above 5 MB. Work is queued as steps with an
 * estimated size and sent in as few context.sync() calls as that allows: one for anything up to
 * the budget, whatever the number of sheets or units; one more per further budget's worth.
 */

/** Bytes per sync PAR Scorer aims at: 4 MB, a margin under the 5 MB limit for estimates. */
export const SYNC_BUDGET_BYTES = 4 * 1024 * 1024;

/** A unit of queued work: `queue` adds its commands to the context; `bytes` is their estimated size. */
export type Step = { bytes: number; queue: () => void };

/** Splits steps, in order, into groups whose estimated size stays under the budget (a larger step goes alone). */
export function groupIntoBatches<T extends { bytes: number }>(steps: readonly T[], budget: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const step of steps) {
    if (current.length > 0 && size + step.bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(step);
    size += step.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Queues the steps batch by batch, one sync per batch; calls `onBatch` after each. */
export async function runInBatches(
  context: { sync(): Promise<void> },
  steps: readonly Step[],
  budget: number,
  onBatch?: (done: number, total: number) => void,
): Promise<void> {
  const batches = groupIntoBatches(steps, budget);
  for (let i = 0; i < batches.length; i++) {
    for (const step of batches[i]) step.queue();
    // One sync per budget's worth of data: the count depends on bytes, never on sheets or units.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    onBatch?.(i + 1, batches.length);
  }
}

/** UTF-8 size of a value's JSON, the way Office.js sends it. */
export function jsonSize(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}
