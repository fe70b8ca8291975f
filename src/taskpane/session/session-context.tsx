import { type ReactNode, createContext, useContext } from "react";
import type { WorkbookSession } from "./use-workbook-session";

const SessionContext = createContext<WorkbookSession | null>(null);

/** Shares one workbook session between the tabs. */
export function SessionProvider(props: { session: WorkbookSession; children: ReactNode }) {
  return <SessionContext.Provider value={props.session}>{props.children}</SessionContext.Provider>;
}

/** The workbook session; a component outside SessionProvider is a bug. */
export function useSession(): WorkbookSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession() called outside <SessionProvider>");
  return session;
}
