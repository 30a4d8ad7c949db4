import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { AdminSignIn } from '../shell/AdminSignIn';
import { useConsole } from '../shell/AdminContext';
import { ConsoleHeading } from '../shell/ConsoleHeading';
import { ProblemAlert } from '../shell/ProblemAlert';
import { CreateLinkForm } from './CreateLinkForm';
import { LinkStatsPanel } from './LinkStatsPanel';
import { UrlsApi, type NewLink, type RateLimitSeen, type ShortLink } from './urlsApi';
import './urls.css';

/**
 * The console's URL shortener page (issue 17): shorten a URL, the caller's links (owned through an API key held in
 * this tab's memory only), a link's click charts, and the rate-limit headers of the last call.
 */
export function UrlsPage() {
  const { api } = useConsole();
  const [apiKey, setApiKey] = useState('');
  const [rateLimit, setRateLimit] = useState<RateLimitSeen | null>(null);
  const [links, setLinks] = useState<ShortLink[]>([]);
  const [linksError, setLinksError] = useState<unknown>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const urls = useMemo(() => new UrlsApi(api, apiKey.trim(), setRateLimit), [api, apiKey]);

  const loadMine = useCallback(async () => {
    if (!urls.hasKey) return;
    try {
      setLinks(await urls.mine());
      setLinksError(null);
    } catch (e) {
      setLinksError(e);
    }
  }, [urls]);

  useEffect(() => {
    setLinks([]);
    void loadMine();
  }, [loadMine]);

  const create = async (link: NewLink) => {
    const created = await urls.create(link);
    // Without a key the server cannot list them: the page remembers this tab's anonymous links itself.
    setLinks((known) => [created, ...known.filter((l) => l.code !== created.code)]);
    setSelected(created.code);
    return created;
  };

  return (
    <>
      <ConsoleHeading>URL shortener</ConsoleHeading>
      <ApiKeyPanel apiKey={apiKey} onChange={setApiKey} />
      <CreateLinkForm create={create} />
      <RateLimitPanel seen={rateLimit} />
      <MyLinks links={links} hasKey={urls.hasKey} error={linksError} selected={selected} onSelect={setSelected} />
      <LookUpCode onLookUp={setSelected} />
      {selected && <LinkStatsPanel key={selected} code={selected} urls={urls} />}
    </>
  );
}

function ApiKeyPanel({ apiKey, onChange }: { apiKey: string; onChange: (key: string) => void }) {
  const id = useId();
  const { admin, adminApi } = useConsole();
  const [draft, setDraft] = useState(apiKey);
  const [error, setError] = useState<unknown>(null);
  const issue = async () => {
    setError(null);
    try {
      const issued = await adminApi.request<{ key: string }>('POST', '/api/keys', { name: 'console tab' });
      setDraft(issued.key);
      onChange(issued.key);
    } catch (e) {
      setError(e);
    }
  };
  // Applied on submit, not per keystroke: every partial key would be a 401 and a token of the key-lookup limit.
  const use = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft.trim());
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Your API key</h2>
      <p className="muted">
        Links created with a key (sent as <code>X-Api-Key</code>) are yours: listed below, and counted in a rate-limit
        bucket of their own. Without one, links are anonymous and limited by your address. The key stays in this
        tab&apos;s memory.
      </p>
      <form className="inline-fields" onSubmit={use}>
        <label htmlFor={`${id}-key`}>API key</label>
        <input id={`${id}-key`} className="mono" autoComplete="off" spellCheck={false} value={draft}
          onChange={(e) => setDraft(e.target.value)} placeholder="psk_…" />
        <button type="submit" disabled={draft.trim() === apiKey}>
          {draft.trim() ? 'Use this key' : 'Go without a key'}
        </button>
        {admin && (
          <button type="button" className="secondary" onClick={issue}>
            Issue a new key
          </button>
        )}
      </form>
      <ProblemAlert error={error} />
      <AdminSignIn purpose="Issuing an API key" />
    </section>
  );
}

function RateLimitPanel({ seen }: { seen: RateLimitSeen | null }) {
  const id = useId();
  const rows: [string, string | null][] = seen
    ? [
        ['RateLimit-Limit', seen.limit],
        ['RateLimit-Remaining', seen.remaining],
        ['RateLimit-Reset', seen.reset],
        ['RateLimit-Policy', seen.policy],
        ['Retry-After', seen.retryAfter],
      ]
    : [];
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Rate limit of the last call</h2>
      {!seen ? (
        <p className="muted">No call yet.</p>
      ) : (
        <>
          <p>
            <span className="mono">{seen.call}</span> answered <strong>{seen.status}</strong>.
          </p>
          <dl className="rate-limit">
            {rows.map(([name, value]) => (
              <div key={name}>
                <dt className="mono">{name}</dt>
                <dd>{value ?? '—'}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}

interface MyLinksProps {
  links: ShortLink[];
  hasKey: boolean;
  error: unknown;
  selected: string | null;
  onSelect: (code: string) => void;
}

function MyLinks({ links, hasKey, error, selected, onSelect }: MyLinksProps) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{hasKey ? 'My links' : 'Links created in this tab'}</h2>
      <ProblemAlert error={error} />
      {links.length === 0 ? (
        <p className="muted">{hasKey ? 'This key owns no links yet.' : 'None yet.'}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Short URL</th>
                <th scope="col">Destination</th>
                <th scope="col">Type</th>
                <th scope="col">Expires</th>
                <th scope="col">Stats</th>
              </tr>
            </thead>
            <tbody>
              {links.map((link) => (
                <tr key={link.code}>
                  <td>
                    <a href={link.shortUrl} target="_blank" rel="noopener" className="mono">
                      {link.shortUrl}
                    </a>
                  </td>
                  <td className="mono destination">{link.url}</td>
                  <td>{link.redirectType}</td>
                  <td>{link.expired ? 'expired' : link.expiresAt ? new Date(link.expiresAt).toLocaleString() : 'never'}</td>
                  <td>
                    <button type="button" aria-pressed={selected === link.code} onClick={() => onSelect(link.code)}>
                      Stats of {link.code}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function LookUpCode({ onLookUp }: { onLookUp: (code: string) => void }) {
  const id = useId();
  const [code, setCode] = useState('');
  return (
    <form
      className="panel inline-fields"
      onSubmit={(event) => {
        event.preventDefault();
        if (code.trim()) onLookUp(code.trim());
      }}
    >
      <label htmlFor={`${id}-code`}>Stats of any code</label>
      <input id={`${id}-code`} className="mono" value={code} onChange={(e) => setCode(e.target.value)} />
      <button type="submit" disabled={!code.trim()}>
        Show stats
      </button>
    </form>
  );
}
