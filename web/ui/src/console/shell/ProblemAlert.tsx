import { messageOf } from '../../api/problem';

/** An API failure shown as the server's own problem+json sentence (or ours when there is none); nothing when null. */
export function ProblemAlert({ error }: { error: unknown }) {
  if (error == null) return null;
  return (
    <p role="alert" className="error">
      {messageOf(error)}
    </p>
  );
}
