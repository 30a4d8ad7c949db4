import { useState, type FormEvent } from 'react';
import { useConsole } from '../shell/AdminContext';
import { ProblemAlert } from '../shell/ProblemAlert';
import { idsApi } from './idsApi';

const SHOWN = 12;

/** New IDs, one or a batch; each shown ID decodes on a click. */
export function GeneratePanel({ onDecode }: { onDecode: (id: string) => void }) {
  const { api } = useConsole();
  const [count, setCount] = useState('5');
  const [ids, setIds] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (call: () => Promise<string[]>) => {
    setBusy(true);
    try {
      setIds(await call());
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const one = () => run(async () => [(await idsApi(api).next()).id]);
  const batch = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => (await idsApi(api).batch(count.trim())).ids);
  };

  return (
    <section className="panel" aria-labelledby="generate-title">
      <h2 id="generate-title">Generate</h2>
      <form className="inline-fields" onSubmit={batch}>
        <button type="button" onClick={one} disabled={busy}>New ID</button>
        <label htmlFor="batch-count">How many</label>
        <input id="batch-count" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />
        <button type="submit" disabled={busy}>Generate batch</button>
      </form>
      <ProblemAlert error={error} />
      {ids.length > 0 && (
        <div aria-live="polite">
          <p>
            {ids.length === 1 ? 'A new ID' : `${ids.length} new IDs, strictly increasing`} — choose one to decode it:
          </p>
          <ul className="id-list" aria-label="New IDs">
            {ids.slice(0, SHOWN).map((id) => (
              <li key={id}>
                <button type="button" className="link-button mono" onClick={() => onDecode(id)} aria-label={`Decode ${id}`}>
                  {id}
                </button>
              </li>
            ))}
          </ul>
          {ids.length > SHOWN && (
            <p className="muted">
              …and {ids.length - SHOWN} more, the last{' '}
              <button type="button" className="link-button mono" onClick={() => onDecode(ids[ids.length - 1])}>
                {ids[ids.length - 1]}
              </button>
            </p>
          )}
        </div>
      )}
    </section>
  );
}
