import { useEffect, useRef } from 'react';
import type { PageStatus } from '../hooks/usePagedList';

interface Props {
  status: PageStatus;
  error: string | null;
  onMore: () => void;
  label: string;
  endText: string;
  empty: boolean;
  emptyText: string;
}

/**
 * The foot of a paged list: loads the next page when it scrolls into view (infinite scroll), and is also a button for
 * keyboards and for browsers without IntersectionObserver.
 */
export function LoadMore({ status, error, onMore, label, endText, empty, emptyText }: Props) {
  const sentinel = useRef<HTMLDivElement>(null);
  const onMoreRef = useRef(onMore);
  onMoreRef.current = onMore;

  useEffect(() => {
    const element = sentinel.current;
    if (!element || status !== 'idle' || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onMoreRef.current();
    }, { rootMargin: '400px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [status]);

  return (
    <div ref={sentinel} className={`list-foot${status === 'done' ? ' done' : ''}`}>
      {status === 'loading' && (
        <p role="status" className="muted">
          Loading…
        </p>
      )}
      {status === 'error' && (
        <div role="alert" className="error">
          <p>{error}</p>
          <button type="button" onClick={onMore}>
            Try again
          </button>
        </div>
      )}
      {status === 'idle' && (
        <button type="button" className="secondary" onClick={onMore}>
          {label}
        </button>
      )}
      {status === 'done' && (empty ? emptyText : endText) && <p className="muted">{empty ? emptyText : endText}</p>}
    </div>
  );
}
