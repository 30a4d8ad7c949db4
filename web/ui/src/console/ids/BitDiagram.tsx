import { splitId, type Layout } from './bits';
import type { DecodedId } from './idsApi';

const CELL = 14;
const TOP = 4;
const ROW = 22;

/**
 * A decoded ID as its 64 bits, coloured by field (sign, timestamp, worker, sequence) with each field's span and
 * value under it, then the same as a table: the picture for the eye, the table (and the SVG's label) for everyone.
 */
export function BitDiagram({ decoded, layout, epochMillis }: { decoded: DecodedId; layout: Layout; epochMillis: number }) {
  const fields = splitId(decoded.id, layout);
  const summary = fields.map((f) => `${f.label} ${f.bits.length} bits = ${f.value}`).join('; ');
  let at = 0;
  const spans = fields.map((field) => {
    const start = at;
    at += field.bits.length;
    return { field, start };
  });
  const width = 64 * CELL;
  return (
    <figure className="bit-diagram">
      <svg viewBox={`0 0 ${width} ${TOP + ROW + 34}`} role="img" aria-label={`ID ${decoded.id} in bits: ${summary}`}>
        {spans.map(({ field, start }) => (
          <g key={field.key} className={`field-${field.key}`}>
            {[...field.bits].map((bit, i) => (
              <g key={i}>
                <rect x={(start + i) * CELL} y={TOP} width={CELL} height={ROW} className="bit" />
                <text x={(start + i) * CELL + CELL / 2} y={TOP + 15} className="bit-value" textAnchor="middle">{bit}</text>
              </g>
            ))}
            <path
              d={`M${start * CELL + 1} ${TOP + ROW + 4} v4 H${(start + field.bits.length) * CELL - 1} v-4`}
              className="span"
            />
            {field.bits.length > 3 && (
              <text x={(start + field.bits.length / 2) * CELL} y={TOP + ROW + 24} textAnchor="middle" className="span-label">
                {field.label} ({field.bits.length})
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption className="sr-only">The 64 bits of ID {decoded.id}, most significant first.</figcaption>
      <div className="table-scroll">
        <table>
          <caption className="sr-only">The fields of ID {decoded.id}</caption>
          <thead>
            <tr><th scope="col">Field</th><th scope="col">Bits</th><th scope="col">Value</th><th scope="col">Means</th></tr>
          </thead>
          <tbody>
            {fields.filter((f) => f.key !== 'sign').map((field) => (
              <tr key={field.key}>
                <th scope="row"><span className={`swatch field-${field.key}`} aria-hidden="true" /> {field.label}</th>
                <td>{field.bits.length}</td>
                <td className="mono">{String(field.value)}</td>
                <td>{meaning(field.key, decoded, epochMillis)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

function meaning(key: string, decoded: DecodedId, epochMillis: number) {
  if (key === 'timestamp') {
    return (
      <>
        ms since the epoch {new Date(epochMillis).toISOString()}: issued at{' '}
        <time dateTime={decoded.time}>{decoded.time}</time> ({new Date(decoded.timestamp).toLocaleString()})
      </>
    );
  }
  if (key === 'worker') return 'the worker ID of the generator that issued it';
  return 'its place among the IDs of that worker in that millisecond';
}
