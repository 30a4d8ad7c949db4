/** A key's values side by side (several = concurrent writes, siblings), with the causal context they came with. */
export function Siblings({ values, encoding, context }: { values: string[]; encoding: string; context: string }) {
  return (
    <>
      {values.length > 0 && (
        <ol className="kv-siblings" aria-label={`${values.length} value${values.length === 1 ? '' : 's'}`}>
          {values.map((value, i) => (
            <li key={i} className="kv-sibling">
              <span className="muted">{values.length > 1 ? `Sibling ${i + 1} of ${values.length}` : 'Value'}
                {encoding === 'base64' && ' (base64)'}</span>
              <pre>{value}</pre>
            </li>
          ))}
        </ol>
      )}
      <p className="kv-context-line">
        Causal context: <code className="kv-context" data-testid="context">{context}</code>
      </p>
    </>
  );
}
