import {
  type Dispatch,
  type ReactNode,
  type SetStateAction,
  createContext,
  useContext,
  useMemo,
  useState,
} from "react";
import type { PreviousYear } from "../../../core/compare/previous-year";

/** Last year's results as read from the file the user picked, with the file's name. */
export type PickedPreviousYear = { name: string; year: PreviousYear };

type PreviousYearStore = {
  previous: PickedPreviousYear | null;
  setPrevious: Dispatch<SetStateAction<PickedPreviousYear | null>>;
};

const PreviousYearContext = createContext<PreviousYearStore | null>(null);

/**
 * Keeps last year's file for the whole pane session, above the tabs: switching to another tab
 * and back does not forget it. It lives in the pane's memory only (never in the workbook) and
 * is gone when the pane closes or the user clears it.
 */
export function PreviousYearProvider(props: { children: ReactNode }) {
  const [previous, setPrevious] = useState<PickedPreviousYear | null>(null);
  const store = useMemo(() => ({ previous, setPrevious }), [previous]);
  return <PreviousYearContext.Provider value={store}>{props.children}</PreviousYearContext.Provider>;
}

/** Last year's file kept for the session; a component outside PreviousYearProvider is a bug. */
export function usePreviousYear(): PreviousYearStore {
  const store = useContext(PreviousYearContext);
  if (!store) throw new Error("usePreviousYear() called outside <PreviousYearProvider>");
  return store;
}
