import { useCallback, useEffect, useRef, useState } from 'react';

export interface Polled<T> {
  /** The last successful answer (kept while a later poll fails), or null before the first. */
  data: T | null;
  /** The last poll's failure, or null when it succeeded. */
  error: unknown;
  /** Polls now (say, after an action changed what the page shows). */
  refresh: () => void;
}

/**
 * Live data for a console page: calls `load` at once, then every `intervalMs` while the tab is visible (a hidden tab
 * does not poll; showing it again polls at once). The call in flight is aborted on unmount, and a poll never overlaps
 * the previous one. `load` may change between renders: the latest one is used. While `enabled` is false nothing is
 * polled (say, once what is watched cannot change any more).
 */
export function usePolling<T>(load: (signal: AbortSignal) => Promise<T>, intervalMs = 2000, enabled = true): Polled<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(load);
  latest.current = load;
  const pollNow = useRef<() => void>(() => {});

  useEffect(() => {
    if (!enabled) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight: AbortController | null = null;
    let again = false;
    let stopped = false;

    const schedule = () => {
      clearTimeout(timer);
      if (!stopped && document.visibilityState !== 'hidden') timer = setTimeout(poll, intervalMs);
    };
    async function poll() {
      clearTimeout(timer);
      if (stopped) return;
      if (inFlight) {
        again = true;  // a refresh asked for while a poll is out: poll once more when it is back
        return;
      }
      const controller = new AbortController();
      inFlight = controller;
      try {
        const value = await latest.current(controller.signal);
        if (!controller.signal.aborted) {
          setData(value);
          setError(null);
        }
      } catch (e) {
        if (!controller.signal.aborted) setError(e);
      } finally {
        inFlight = null;
        if (again) {
          again = false;
          void poll();
        } else {
          schedule();
        }
      }
    }
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') clearTimeout(timer);
      else void poll();
    };

    pollNow.current = () => void poll();
    document.addEventListener('visibilitychange', onVisibility);
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
      inFlight?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs, enabled]);

  const refresh = useCallback(() => pollNow.current(), []);
  return { data, error, refresh };
}
