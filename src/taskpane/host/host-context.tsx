import { type ReactNode, createContext, useContext } from "react";
import type { TaskpaneHost } from "./taskpane-host";

const HostContext = createContext<TaskpaneHost | null>(null);

/** Makes the host available to every component below. */
export function HostProvider(props: { host: TaskpaneHost; children: ReactNode }) {
  return <HostContext.Provider value={props.host}>{props.children}</HostContext.Provider>;
}

/** The host of the task pane; a component outside HostProvider is a bug. */
export function useHost(): TaskpaneHost {
  const host = useContext(HostContext);
  if (!host) throw new Error("useHost() called outside <HostProvider>");
  return host;
}
