import { useCallback, useEffect, useId, useState } from 'react';
import { useConsole } from '../shell/AdminContext';
import { ProblemAlert } from '../shell/ProblemAlert';
import { crawlerApi, type CrawledPage } from './crawlerApi';

/**
 * The crawl's stored pages, 50 at a time (cursor-paginated), reloaded when `version` changes; choosing one shows its
 * details, and a duplicate's "duplicate of" leads to the page it duplicates.
 */
export function PageBrowser({ crawlId, version }: { crawlId: string; version: number }) {
  const id = useId();
  const { api } = useConsole();
  const [pages, setPages] = useState<CrawledPage[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [shown, setShown] = useState<string | null>(null);

  const load = useCallback(
    async (cursor: string | null) => {
      try {
        const listing = await crawlerApi.pages(api, crawlId, cursor);
        setPages((known) => (cursor ? [...known, ...listing.items] : listing.items));
        setNext(listing.next);
        setError(null);
      } catch (e) {
        setError(e);
      }
    },
    [api, crawlId],
  );

  useEffect(() => {
    void load(null);
  }, [load, version]);

  const page = pages.find((p) => p.url === shown);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Pages</h2>
      <ProblemAlert error={error} />
      {shown && <PageDetails page={page} url={shown} onShow={setShown} />}
      {pages.length === 0 ? (
        <p className="muted">No page stored yet.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">URL</th>
                <th scope="col">Status</th>
                <th scope="col">Title</th>
                <th scope="col">Depth</th>
                <th scope="col">Duplicate of</th>
              </tr>
            </thead>
            <tbody>
              {pages.map((p) => (
                <tr key={p.url} aria-current={p.url === shown ? 'true' : undefined}>
                  <td className="mono url-cell">
                    <button type="button" className="link-button" onClick={() => setShown(p.url)}>
                      {p.url}
                    </button>
                  </td>
                  <td>{p.errorKind ?? p.status}</td>
                  <td>{p.title ?? '—'}</td>
                  <td>{p.depth}</td>
                  <td className="mono url-cell">
                    {p.duplicateOf ? (
                      <button type="button" className="link-button" onClick={() => setShown(p.duplicateOf)}
                        aria-label={`Show ${p.duplicateOf}, which ${p.url} duplicates`}>
                        {p.duplicateOf}
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="inline-fields">
        <button type="button" className="secondary" onClick={() => load(null)}>
          Reload pages
        </button>
        {next && (
          <button type="button" onClick={() => load(next)}>
            Load more pages
          </button>
        )}
      </div>
    </section>
  );
}

function PageDetails({ page, url, onShow }: { page?: CrawledPage; url: string; onShow: (url: string | null) => void }) {
  return (
    <div className="page-details" role="region" aria-label="Page details">
      <h3 className="mono">{url}</h3>
      {!page ? (
        <p className="muted">This page is not among the pages loaded so far: load more pages to find it.</p>
      ) : (
        <dl>
          <dt>Status</dt>
          <dd>{page.errorKind ? `${page.errorKind} (${page.status})` : page.status}</dd>
          <dt>Content type</dt>
          <dd>{page.contentType ?? '—'}</dd>
          <dt>Title</dt>
          <dd>{page.title ?? '—'}</dd>
          <dt>Headings</dt>
          <dd>{page.headings?.length ? page.headings.join(' · ') : '—'}</dd>
          <dt>Links out</dt>
          <dd>{page.outlinks}</dd>
          <dt>Fetched</dt>
          <dd>{new Date(page.fetchedAt).toLocaleString()}{page.truncated && ' (body truncated)'}</dd>
          <dt>Duplicate of</dt>
          <dd>
            {page.duplicateOf ? (
              <button type="button" className="link-button mono" onClick={() => onShow(page.duplicateOf)}>
                {page.duplicateOf}
              </button>
            ) : (
              'none: original content'
            )}
          </dd>
        </dl>
      )}
      <button type="button" className="link-button" onClick={() => onShow(null)}>
        Close details
      </button>
    </div>
  );
}
