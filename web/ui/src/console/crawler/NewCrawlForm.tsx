import { useId, useState, type FormEvent } from 'react';
import { useConsole } from '../shell/AdminContext';
import { ProblemAlert } from '../shell/ProblemAlert';
import { crawlerApi, type Crawl } from './crawlerApi';

const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** Define a crawl (admin): seeds, allowed domains, limits. The server checks every field and names the wrong one. */
export function NewCrawlForm({ onCreated }: { onCreated: (crawl: Crawl) => void }) {
  const id = useId();
  const { adminApi } = useConsole();
  const [seeds, setSeeds] = useState('');
  const [domains, setDomains] = useState('');
  const [maxDepth, setMaxDepth] = useState('3');
  const [maxPages, setMaxPages] = useState('100');
  const [minDelayMs, setMinDelayMs] = useState('1000');
  const [allowPrivate, setAllowPrivate] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const definition: Record<string, unknown> = {
        seeds: lines(seeds),
        maxDepth: Number(maxDepth),
        maxPages: Number(maxPages),
        minDelayMs: Number(minDelayMs),
        allowPrivateAddresses: allowPrivate,
      };
      if (lines(domains).length) definition.allowedDomains = lines(domains);
      onCreated(await crawlerApi.create(adminApi, definition));
      setSeeds('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const number = (label: string, value: string, set: (v: string) => void, key: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} type="number" min={0} value={value} onChange={(e) => set(e.target.value)} />
    </div>
  );

  return (
    <form onSubmit={submit} className="crawl-form" aria-label="New crawl">
      <div className="field">
        <label htmlFor={`${id}-seeds`}>Seed URLs (one per line)</label>
        <textarea id={`${id}-seeds`} rows={3} value={seeds} onChange={(e) => setSeeds(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor={`${id}-domains`}>Allowed domains (optional, one per line)</label>
        <textarea id={`${id}-domains`} rows={2} value={domains} onChange={(e) => setDomains(e.target.value)} />
      </div>
      <div className="crawl-limits">
        {number('Max depth', maxDepth, setMaxDepth, 'depth')}
        {number('Max pages', maxPages, setMaxPages, 'pages')}
        {number('Min delay per host (ms)', minDelayMs, setMinDelayMs, 'delay')}
      </div>
      <div className="checkbox">
        <input id={`${id}-private`} type="checkbox" checked={allowPrivate} onChange={(e) => setAllowPrivate(e.target.checked)} />
        <label htmlFor={`${id}-private`}>Allow private and loopback addresses (test webs only)</label>
      </div>
      <button type="submit" disabled={busy || !lines(seeds).length}>
        {busy ? 'Creating…' : 'Create crawl'}
      </button>
      <ProblemAlert error={error} />
    </form>
  );
}
