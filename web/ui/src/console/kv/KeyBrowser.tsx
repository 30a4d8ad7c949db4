import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/problem';
import { ProblemAlert } from '../shell/ProblemAlert';
import { useConsole } from '../shell/AdminContext';
import { deleteKey, getKey, putKey, type KvRead, type KvWritten } from './kvApi';
import { Siblings } from './Siblings';

/** What the last request did, as the page shows it. */
type Outcome =
  | { kind: 'read'; read: KvRead }
  | { kind: 'missing'; key: string; sentence: string }
  | { kind: 'written'; written: KvWritten; action: 'put' | 'delete' | 'resolve' };

const list = (nodes: string[]) => (nodes.length ? nodes.join(', ') : 'none');

/**
 * Get, put and delete one key, showing what the store answered: the values (siblings side by side), the causal
 * context, and which replicas answered. A put sends the context of the last answer for this key unless told not to,
 * so it replaces what was read; siblings are resolved by writing one merged value with their read's context.
 */
export function KeyBrowser() {
  const { api } = useConsole();
  const ids = useId();
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [sendContext, setSendContext] = useState(true);
  const [context, setContext] = useState<{ key: string; token: string } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const contextFor = (k: string) => (context && context.key === k ? context.token : null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const read = (k: string) => run(async () => {
    try {
      const result = await getKey(api, k);
      setContext({ key: k, token: result.context });
      setOutcome({ kind: 'read', read: result });
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404) throw e;
      setOutcome({ kind: 'missing', key: k, sentence: e.message });
    }
  });

  const write = (k: string, action: 'put' | 'delete', token: string | null) => run(async () => {
    const written = action === 'put' ? await putKey(api, k, value, token) : await deleteKey(api, k, token);
    setContext({ key: k, token: written.context });
    setOutcome({ kind: 'written', written, action });
  });

  const resolve = (read: KvRead, merged: string) => run(async () => {
    const written = await putKey(api, read.key, merged, read.context);
    setContext({ key: read.key, token: written.context });
    setOutcome({ kind: 'written', written, action: 'resolve' });
  });

  const onGet = (event: FormEvent) => {
    event.preventDefault();
    if (key) void read(key);
  };
  const token = sendContext ? contextFor(key) : null;

  return (
    <section className="panel" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>Key browser</h2>
      <form onSubmit={onGet} className="kv-key-form">
        <label htmlFor={`${ids}-key`}>Key</label>
        <input id={`${ids}-key`} value={key} onChange={(e) => setKey(e.target.value)} maxLength={512}
          autoComplete="off" spellCheck={false} required />
        <label htmlFor={`${ids}-value`}>Value</label>
        <textarea id={`${ids}-value`} value={value} onChange={(e) => setValue(e.target.value)} rows={2} />
        <label className="kv-check">
          <input type="checkbox" checked={sendContext} onChange={(e) => setSendContext(e.target.checked)} />
          Send the causal context of the last answer for this key (without it a write becomes a sibling)
        </label>
        <p className="hint" aria-live="polite">
          {token ? <>Context to send: <code className="kv-context">{token}</code></> : 'No context will be sent.'}
        </p>
        <div className="inline-fields">
          <button type="submit" disabled={busy || !key}>Get</button>
          <button type="button" disabled={busy || !key} onClick={() => void write(key, 'put', token)}>Put</button>
          <button type="button" className="secondary" disabled={busy || !key}
            onClick={() => void write(key, 'delete', token)}>Delete</button>
        </div>
      </form>
      <ProblemAlert error={error} />
      <div aria-live="polite">{outcome && <OutcomeView outcome={outcome} busy={busy} onResolve={resolve} />}</div>
    </section>
  );
}

function OutcomeView({ outcome, busy, onResolve }: {
  outcome: Outcome;
  busy: boolean;
  onResolve: (read: KvRead, merged: string) => void;
}) {
  if (outcome.kind === 'missing') {
    return <p className="kv-outcome">Get <span className="mono">{outcome.key}</span>: {outcome.sentence}</p>;
  }
  if (outcome.kind === 'read') {
    const { read } = outcome;
    return (
      <div className="kv-outcome">
        <p>
          Get <span className="mono">{read.key}</span>: {read.siblings} value{read.siblings === 1 ? '' : 's'}
          {read.tombstones > 0 && `, ${read.tombstones} concurrent delete${read.tombstones === 1 ? '' : 's'}`}.
          {' '}Replicas that answered: <span className="mono" data-testid="answered-by">{list(read.answeredBy)}</span>
        </p>
        <Siblings values={read.values} encoding={read.encoding} context={read.context} />
        {read.siblings > 1 && <ResolveForm key={read.context} read={read} busy={busy} onResolve={onResolve} />}
      </div>
    );
  }
  const { written, action } = outcome;
  const verb = { put: 'Put', delete: 'Delete', resolve: 'Resolve' }[action];
  return (
    <div className="kv-outcome">
      <p>
        {verb} <span className="mono">{written.key}</span>: coordinated by <span className="mono">{written.coordinator}</span>,
        {' '}acknowledged by <span className="mono" data-testid="acknowledged-by">{list(written.acknowledgedBy)}</span>
        {written.usedHints && ' (a stand-in holds a hint for a down replica)'}.
        {' '}Now {written.siblings} value{written.siblings === 1 ? '' : 's'}
        {written.tombstones > 0 && `, ${written.tombstones} delete${written.tombstones === 1 ? '' : 's'}`}.
      </p>
      <Siblings values={written.values} encoding={written.encoding} context={written.context} />
    </div>
  );
}

/** Merge siblings: the person edits the merged value (all values, one per line, to start with) and writes it. */
function ResolveForm({ read, busy, onResolve }: { read: KvRead; busy: boolean; onResolve: (r: KvRead, v: string) => void }) {
  const id = useId();
  const [merged, setMerged] = useState(read.values.join('\n'));
  return (
    <form className="kv-resolve" onSubmit={(e) => { e.preventDefault(); onResolve(read, merged); }}>
      <label htmlFor={id}>Merged value (written with this read&apos;s context, it replaces all {read.siblings} siblings)</label>
      <textarea id={id} value={merged} onChange={(e) => setMerged(e.target.value)} rows={3} />
      <button type="submit" disabled={busy}>Resolve</button>
    </form>
  );
}
