import { useEffect, useState, type FormEvent } from 'react';
import { useConsole } from '../shell/AdminContext';
import { ProblemAlert } from '../shell/ProblemAlert';
import { BitDiagram } from './BitDiagram';
import { idsApi, type DecodedId, type GeneratorInfo } from './idsApi';

/** Any ID split by the server into timestamp, worker and sequence, drawn bit by bit. `requested` decodes at once. */
export function DecodePanel({ requested, info }: { requested: { id: string } | null; info: GeneratorInfo | null }) {
  const { api } = useConsole();
  const [text, setText] = useState('');
  const [decoded, setDecoded] = useState<DecodedId | null>(null);
  const [error, setError] = useState<unknown>(null);

  const decode = async (id: string) => {
    try {
      setDecoded(await idsApi(api).decode(id));
      setError(null);
    } catch (e) {
      setDecoded(null);
      setError(e);
    }
  };
  useEffect(() => {
    if (!requested) return;
    setText(requested.id);
    void decode(requested.id);
    // a new request object is a new click, even on the same ID
  }, [requested]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void decode(text.trim());
  };

  return (
    <section className="panel" aria-labelledby="decode-title">
      <h2 id="decode-title">Decode</h2>
      <form className="inline-fields" onSubmit={submit}>
        <label htmlFor="decode-id">ID to decode</label>
        <input id="decode-id" className="mono" inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" disabled={!text.trim()}>Decode</button>
      </form>
      <ProblemAlert error={error} />
      {decoded && info && (
        <div aria-live="polite">
          <p>
            ID <span className="mono">{decoded.id}</span>: worker <strong>{decoded.workerId}</strong>, sequence{' '}
            <strong>{decoded.sequence}</strong>, issued <time dateTime={decoded.time}>{decoded.time}</time>
          </p>
          <BitDiagram decoded={decoded} layout={info} epochMillis={info.epochMillis} />
        </div>
      )}
    </section>
  );
}
