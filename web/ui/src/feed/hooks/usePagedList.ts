import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../../api/problem';
import type { Page } from '../../api/types';

export type PageStatus = 'loading' | 'idle' | 'done' | 'error';

export interface PagedList<T> {
  items: T[];
  status: PageStatus;
  error: string | null;
  loadMore: () => void;
  reload: () => void;
  /** Changes the loaded items in place (optimistic updates, a new post at the top, a deleted one gone). */
  update: (change: (items: T[]) => T[]) => void;
}

/**
 * Items of a cursor-paged listing (`{"items","next"}`): the first page on mount, then the page after `next` on each
 * `loadMore` until `next` is null. A reload or a change of `key` discards answers to older requests.
 */
export function usePagedList<T extends { id: string }>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  key: string,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState<PageStatus>('loading');
  const [error, setError] = useState<string | null>(null);
  const next = useRef<string | null>(null);
  const generation = useRef(0);
  const inFlight = useRef(false);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback((cursor: string | null, replace: boolean) => {
    const mine = ++generation.current;
    inFlight.current = true;
    setStatus('loading');
    setError(null);
    fetchRef.current(cursor).then(
      (page) => {
        if (mine !== generation.current) return;
        inFlight.current = false;
        next.current = page.next;
        setItems((old) => {
          const base = replace ? [] : old;
          const seen = new Set(base.map((item) => item.id));
          return [...base, ...page.items.filter((item) => !seen.has(item.id))];
        });
        setStatus(page.next ? 'idle' : 'done');
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        inFlight.current = false;
        setError(messageOf(failure));
        setStatus('error');
      },
    );
  }, []);

  useEffect(() => {
    next.current = null;
    load(null, true);
    return () => {
      generation.current++;
    };
  }, [key, load]);

  const loadMore = useCallback(() => {
    if (inFlight.current) return;
    if (next.current === null && status !== 'error') return;
    load(next.current, false);
  }, [load, status]);

  const reload = useCallback(() => {
    next.current = null;
    load(null, true);
  }, [load]);

  return { items, status, error, loadMore, reload, update: setItems };
}
