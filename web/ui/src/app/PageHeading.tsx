import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A page's h1. It sets the document title and takes focus when the page opens, so keyboard and screen-reader users
 * land on the new page rather than on the link they followed.
 */
export function PageHeading({ children, title, site = 'Practical Feed' }: { children: ReactNode; title?: string; site?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const text = title ?? (typeof children === 'string' ? children : undefined);
  useEffect(() => {
    if (text) document.title = `${text} · ${site}`;
  }, [text, site]);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
