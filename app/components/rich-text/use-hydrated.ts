import { useSyncExternalStore } from "react";

function subscribe(): () => void {
  return () => {};
}

/**
 * False on the server and while the page hydrates, true in every render after that (including
 * components that mount later, on a client-side navigation). Lets a component render the
 * server's markup first, as hydration requires, and its browser-only version afterwards.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
