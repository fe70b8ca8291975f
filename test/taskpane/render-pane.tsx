/**
 * Renders the whole task pane over a fake host and waits for its first reading of the workbook.
 */
import { configure, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { WorkbookSnapshot } from "../../src/core/grid";
import { AppShell } from "../../src/taskpane/components/app-shell/app-shell";
import { type FakeHost, type FakeHostOptions, makeFakeHost } from "./fake-host";

// The pane runs the real engine on a provincial workbook; on a busy 2-core CI runner that can take
// longer than testing-library's default second.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no layout, hence no ResizeObserver; Fluent's MessageBar observes its own width.
if (typeof globalThis.ResizeObserver === "undefined") {
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  } as unknown as typeof ResizeObserver;
}

/** The pane over a fake host holding `snapshot`, once the overview is filled in. */
export async function renderPane(snapshot: WorkbookSnapshot, options: FakeHostOptions = {}) {
  const fake: FakeHost = makeFakeHost(snapshot, options);
  const user = userEvent.setup();
  render(<AppShell host={fake.host} />);
  await screen.findByRole("tablist");
  await waitUntilIdle(fake);
  return { fake, user };
}

/** Waits until the pane has read the workbook at least `reads` times and shows no progress. */
export async function waitUntilIdle(fake: FakeHost, reads = 1) {
  await waitFor(() => {
    expect(fake.reads()).toBeGreaterThanOrEqual(reads);
    expect(screen.queryByRole("progressbar")).toBeNull();
  });
}
