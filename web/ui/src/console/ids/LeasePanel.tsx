import type { GeneratorInfo } from './idsApi';

/** The generator's state: its worker ID, where that came from, and how long its lease has left (renewed every few s). */
export function LeasePanel({ info, now }: { info: GeneratorInfo; now: number }) {
  const left = info.leaseExpiresAt ? (Date.parse(info.leaseExpiresAt) - now) / 1000 : null;
  return (
    <section className="panel" aria-labelledby="lease-title">
      <h2 id="lease-title">This server&apos;s generator</h2>
      <dl className="facts">
        <dt>State</dt>
        <dd className={info.ready ? 'ok' : 'refused'}>{info.ready ? '✓ issuing' : '✗ not issuing'} ({info.status})</dd>
        <dt>Worker ID</dt>
        <dd><strong>{info.workerId ?? 'none'}</strong> — {info.workerIdSource}</dd>
        <dt>Lease</dt>
        <dd>
          {info.leaseExpiresAt == null
            ? 'none: a static worker ID does not expire'
            : left != null && left > 0
              ? `expires in ${left.toFixed(1)} s (at ${info.leaseExpiresAt}); renewed before then`
              : `expired at ${info.leaseExpiresAt}`}
        </dd>
        <dt>Layout</dt>
        <dd>
          {info.timestampBits} bits timestamp / {info.workerBits} bits worker / {info.sequenceBits} bits sequence, epoch{' '}
          {info.epoch}
        </dd>
        <dt>Clock offset</dt>
        <dd>{info.clockOffsetMillis === 0 ? 'none: the real clock' : `${info.clockOffsetMillis} ms (fault injection)`}</dd>
      </dl>
    </section>
  );
}
