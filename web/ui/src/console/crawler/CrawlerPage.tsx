import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useConsole } from '../shell/AdminContext';
import { AdminSignIn } from '../shell/AdminSignIn';
import { ConsoleHeading } from '../shell/ConsoleHeading';
import { ProblemAlert } from '../shell/ProblemAlert';
import { usePolling } from '../shell/usePolling';
import { CrawlStatusPanel, type Sample } from './CrawlStatusPanel';
import { crawlerApi, isFinal, type Crawl } from './crawlerApi';
import { HostsTable } from './HostsTable';
import { NewCrawlForm } from './NewCrawlForm';
import { PageBrowser } from './PageBrowser';
import './crawler.css';

const REFRESH_MS = 2000;
const MAX_SAMPLES = 90;

/**
 * The console's crawler page (issue 17): pick or define a crawl, control it (admin), and watch it live: counters,
 * pages/s and frontier size over time, errors by kind, the hosts' schedule and robots.txt, the stored pages.
 */
export function CrawlerPage() {
  const id = useId();
  const { api, admin } = useConsole();
  const [crawls, setCrawls] = useState<Crawl[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const loadCrawls = useCallback(async () => {
    try {
      const listing = await crawlerApi.list(api);
      setCrawls(listing.items);
      setError(null);
      // the newest crawl unless one is chosen already
      setSelected((current) => current ?? listing.items.at(-1)?.id ?? null);
    } catch (e) {
      setError(e);
    }
  }, [api]);

  useEffect(() => {
    void loadCrawls();
  }, [loadCrawls]);

  // keeps the picker's "(STATE)" true as the watched crawl moves on
  const stateChanged = useCallback((crawl: Crawl) => {
    setCrawls((known) => known.map((c) => (c.id === crawl.id && c.state !== crawl.state ? { ...c, state: crawl.state } : c)));
  }, []);

  const created = (crawl: Crawl) => {
    setCrawls((known) => [...known.filter((c) => c.id !== crawl.id), crawl]);
    setSelected(crawl.id);
  };

  return (
    <>
      <ConsoleHeading>Web crawler</ConsoleHeading>
      <ProblemAlert error={error} />
      <section className="panel" aria-labelledby={`${id}-new`}>
        <h2 id={`${id}-new`}>New crawl</h2>
        <AdminSignIn purpose="Defining and controlling crawls" />
        {admin && <NewCrawlForm onCreated={created} />}
      </section>
      <div className="panel inline-fields crawl-picker">
        <label htmlFor={`${id}-crawl`}>Crawl</label>
        <select id={`${id}-crawl`} value={selected ?? ''} onChange={(e) => setSelected(e.target.value || null)}>
          {crawls.length === 0 && <option value="">No crawl yet</option>}
          {[...crawls].reverse().map((c) => (
            <option key={c.id} value={c.id}>
              {c.id} ({c.state}) {c.definition.seeds[0]}
            </option>
          ))}
        </select>
        <button type="button" className="secondary" onClick={loadCrawls}>
          Reload crawls
        </button>
      </div>
      {selected && <CrawlView key={selected} crawlId={selected} onState={stateChanged} />}
    </>
  );
}

/** One crawl, polled every 2 s until it is STOPPED or FINISHED. */
function CrawlView({ crawlId, onState }: { crawlId: string; onState: (crawl: Crawl) => void }) {
  const { api } = useConsole();
  const [crawl, setCrawl] = useState<Crawl | null>(null);
  const [samples, setSamples] = useState<Sample[]>([]);
  const [pagesVersion, setPagesVersion] = useState(0);
  const watchingSince = useRef(Date.now());
  const lastState = useRef<string | null>(null);

  const show = useCallback((next: Crawl) => {
    setCrawl(next);
    // a state change (started, finished) is when the stored pages are worth reloading
    if (lastState.current !== null && lastState.current !== next.state) setPagesVersion((v) => v + 1);
    if (lastState.current !== next.state) onState(next);
    lastState.current = next.state;
  }, [onState]);

  const poll = useCallback(
    async (signal: AbortSignal) => {
      const [status, hosts] = await Promise.all([
        crawlerApi.status(api, crawlId, signal),
        crawlerApi.hosts(api, crawlId, signal),
      ]);
      if (!signal.aborted) {
        show(status);
        const second = Math.round((Date.now() - watchingSince.current) / 1000);
        const sample = { second, pagesPerSecond: status.pagesPerSecond, queued: status.frontier?.queued ?? 0 };
        setSamples((known) => [...known, sample].slice(-MAX_SAMPLES));
      }
      return { hosts: hosts.items, at: Date.now() };
    },
    [api, crawlId, show],
  );
  const { data: hosts, error } = usePolling(poll, REFRESH_MS, !(crawl && isFinal(crawl.state)));

  return (
    <>
      <ProblemAlert error={error} />
      {crawl && <CrawlStatusPanel crawl={crawl} samples={samples} onChanged={show} />}
      {crawl && hosts && <HostsTable hosts={hosts.hosts} now={hosts.at} />}
      <PageBrowser crawlId={crawlId} version={pagesVersion} />
    </>
  );
}
