import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/problem';
import { useConsole } from '../shell/AdminContext';
import { AdminSignIn } from '../shell/AdminSignIn';
import { ProblemAlert } from '../shell/ProblemAlert';
import { usePolling } from '../shell/usePolling';
import { idsApi, type GeneratorInfo } from './idsApi';

/** One try at a new ID while the experiment runs: issued (and how long the answer took) or refused. */
interface Probe {
  at: string;
  id?: string;
  millis: number;
  refusal?: string;
  retryAfterSeconds?: number;
}

const KEPT = 6;

const PRESETS = [
  { ms: -3, label: 'Step back 3 ms', says: 'within the 5 ms tolerance: the generator waits it out' },
  { ms: -60_000, label: 'Step back 60 s', says: 'beyond it: 503 with Retry-After, nothing reissued' },
  { ms: 0, label: 'Restore the real clock', says: 'offset 0' },
];

/**
 * The clock step-back experiment (docs/idgen.md): the admin shifts this server's generator clock, and a new ID is
 * asked for every second to show what that does. Needs the server started with PS_IDGEN_FAULT_INJECTION_ENABLED=true;
 * otherwise the server's refusal says so.
 */
export function ClockExperiment({ info, onChanged }: { info: GeneratorInfo | null; onChanged: () => void }) {
  const { api, adminApi, admin } = useConsole();
  const [offset, setOffset] = useState('-60000');
  const [error, setError] = useState<unknown>(null);
  const [probes, setProbes] = useState<Probe[]>([]);
  const probe = usePolling((signal) => (admin ? tryNext(api, signal) : Promise.resolve(null)), 1000);

  useEffect(() => {
    const latest = probe.data;
    if (latest) setProbes((list) => [latest, ...list].slice(0, KEPT));
  }, [probe.data]);

  const apply = async (ms: number) => {
    try {
      await idsApi(adminApi).setClockOffset(ms);
      setError(null);
    } catch (e) {
      setError(e);
    }
    onChanged();
    probe.refresh();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void apply(Number(offset));
  };
  const latest = admin ? probes[0] : undefined;

  return (
    <section className="panel" aria-labelledby="clock-title">
      <h2 id="clock-title">Experiment: step the clock back</h2>
      <p className="muted">
        A generator whose clock goes back must not reissue IDs. A small step is waited out; a large one is refused
        with 503 and <code>Retry-After</code> until the clock has caught up. Current offset:{' '}
        <strong>{info ? `${info.clockOffsetMillis} ms` : 'unknown'}</strong>.
      </p>
      <AdminSignIn purpose="Stepping the generator's clock" />
      {admin && (
        <>
          <div className="presets">
            {PRESETS.map((preset) => (
              <button key={preset.ms} type="button" className="secondary" onClick={() => void apply(preset.ms)}
                title={preset.says}>
                {preset.label}
              </button>
            ))}
          </div>
          <form className="inline-fields" onSubmit={submit}>
            <label htmlFor="clock-offset">Offset (ms, negative steps back)</label>
            <input id="clock-offset" inputMode="numeric" value={offset} onChange={(e) => setOffset(e.target.value)} />
            <button type="submit" disabled={!/^-?\d+$/.test(offset.trim())}>Set offset</button>
          </form>
          <ProblemAlert error={error} />
          <ProblemAlert error={probe.error} />
          <p role="status">
            {latest == null ? 'Asking for a new ID every second…'
              : latest.refusal != null ? <span className="refused">Refusing new IDs (503)</span>
                : <span className="ok">Issuing new IDs</span>}
          </p>
          <div className="table-scroll">
            <table>
              <caption className="sr-only">A new ID every second, latest first</caption>
              <thead>
                <tr><th scope="col">Asked at</th><th scope="col">Answer</th><th scope="col">Took</th></tr>
              </thead>
              <tbody>
                {probes.map((p) => (
                  <tr key={p.at}>
                    <td>{p.at}</td>
                    <td>
                      {p.id != null ? <span className="mono">{p.id}</span> : (
                        <>
                          <span className="refused">503</span>
                          {p.retryAfterSeconds != null && <> · Retry-After {p.retryAfterSeconds} s</>} — {p.refusal}
                        </>
                      )}
                    </td>
                    <td className="took">{p.millis} ms</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

async function tryNext(api: Parameters<typeof idsApi>[0], signal: AbortSignal): Promise<Probe> {
  const started = performance.now();
  const at = new Date().toISOString().slice(11, 23);
  try {
    const { id } = await idsApi(api).next(signal);
    return { at, id, millis: Math.round(performance.now() - started) };
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 503) throw e;
    return { at, millis: Math.round(performance.now() - started), refusal: e.message, retryAfterSeconds: e.retryAfterSeconds };
  }
}
