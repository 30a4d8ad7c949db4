import { useEffect, useRef, useState } from 'react';

export const POLL_INTERVAL_MS = 2000;

export interface Polled<T> {
  data: T | null;
  /** The latest failure; cleared by the next success (the data shown is then the last good one). */
  error: unknown;
}

/**
 * Calls `load` now and then every `intervalMs` while the page is visible, keeping the latest answer; stops and
 * aborts the call in flight on unmount. One call at a time: the next waits for the previous to settle.
 */
export function usePolling<T>(load: (signal: AbortSignal) => Promise<T>, intervalMs = POLL_INTERVAL_MS): Polled<T> {
  const [state, setState] = useState<Polled<T>>({ data: null, error: null });
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (document.visibilityState !== 'hidden') {
        try {
          const data = await loadRef.current(controller.signal);
          if (!controller.signal.aborted) setState({ data, error: null });
        } catch (error) {
          if (!controller.signal.aborted) setState((previous) => ({ data: previous.data, error }));
        }
      }
      if (!controller.signal.aborted) timer = setTimeout(tick, intervalMs);
    };
    void tick();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [intervalMs]);

  return state;
}
