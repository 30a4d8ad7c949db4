import { useId, useState, type FormEvent } from 'react';
import { ProblemAlert } from '../shell/ProblemAlert';
import type { NewLink, ShortLink } from './urlsApi';

/** Shorten a URL: destination, optional alias and expiry, 302 (counted on every click) or 301 (cacheable). */
export function CreateLinkForm({ create }: { create: (link: NewLink) => Promise<ShortLink> }) {
  const id = useId();
  const [url, setUrl] = useState('');
  const [alias, setAlias] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [redirectType, setRedirectType] = useState<301 | 302>(302);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<ShortLink | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const link: NewLink = { url: url.trim(), redirectType };
      if (alias.trim()) link.alias = alias.trim();
      // datetime-local is the person's local time; the API wants an instant.
      if (expiresAt) link.expiresAt = new Date(expiresAt).toISOString();
      setCreated(await create(link));
      setUrl('');
      setAlias('');
      setExpiresAt('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Shorten a URL</h2>
      <form onSubmit={submit} className="link-form">
        <label htmlFor={`${id}-url`}>Destination URL</label>
        <input id={`${id}-url`} type="url" required value={url} onChange={(e) => setUrl(e.target.value)}
          placeholder="https://example.org/a/long/path" />
        <label htmlFor={`${id}-alias`}>Alias (optional: 4–32 of A–Z a–z 0–9 _ -, with a - or _)</label>
        <input id={`${id}-alias`} value={alias} onChange={(e) => setAlias(e.target.value)} />
        <label htmlFor={`${id}-expires`}>Expires (optional, your local time)</label>
        <input id={`${id}-expires`} type="datetime-local" value={expiresAt} onChange={(e) => setExpiresAt(e.target.value)} />
        <label htmlFor={`${id}-type`}>Redirect type</label>
        <select id={`${id}-type`} value={redirectType} onChange={(e) => setRedirectType(Number(e.target.value) as 301 | 302)}>
          <option value={302}>302 Found (every click reaches the shortener and is counted)</option>
          <option value={301}>301 Moved Permanently (browsers may cache it: later clicks go uncounted)</option>
        </select>
        <div>
          <button type="submit" disabled={busy || !url.trim()}>
            {busy ? 'Shortening…' : 'Shorten'}
          </button>
        </div>
      </form>
      <ProblemAlert error={error} />
      {created && (
        <p role="status">
          Created <a href={created.shortUrl} target="_blank" rel="noopener">{created.shortUrl}</a> →{' '}
          <span className="mono destination">{created.url}</span>
        </p>
      )}
    </section>
  );
}
