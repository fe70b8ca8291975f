/**
 * The hooks of taskpane.html's boot script (window.parScorerBoot), which shows the product name,
 * "Loading", and what to do when the pane cannot start: index.tsx tells it how starting went.
 */
export type BootHooks = {
  /** Office.js is missing ("noOffice") or the page is not inside an Office host ("outside"). */
  show: (state: "noOffice" | "outside") => void;
  /** The React pane is about to replace the boot message. */
  started: () => void;
};

/** The page's boot hooks, or undefined when the page has none (tests). */
export const bootHooks = (): BootHooks | undefined =>
  (globalThis as { parScorerBoot?: BootHooks }).parScorerBoot;
