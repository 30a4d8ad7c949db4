import { useId, useState, type FormEvent } from 'react';
import { messageOf } from '../../api/problem';

/** Longest post or comment the server takes (FEED-CONTRACT: text 1–500). */
export const POST_MAX = 500;

/** The server counts text in code points (an emoji is one), and so does the counter. */
export const codePoints = (text: string) => Array.from(text).length;

interface Props {
  label: string;
  submitLabel: string;
  placeholder?: string;
  max: number;
  /** Sends the text; a rejection's sentence is shown and the text kept. */
  onSubmit: (text: string) => Promise<unknown>;
  testId: string;
}

/** A labelled text box with a live character counter and a limit: used for posts and comments. */
export function TextComposer({ label, submitLabel, placeholder, max, onSubmit, testId }: Props) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldId = useId();
  const counterId = useId();
  const left = max - codePoints(text);
  const blank = text.trim() === '';
  const over = left < 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (blank || over || sending) return;
    setSending(true);
    setError(null);
    try {
      await onSubmit(text.trim());
      setText('');
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setSending(false);
    }
  }

  const counterText = over
    ? `${-left} ${-left === 1 ? 'character' : 'characters'} over the limit`
    : `${left} ${left === 1 ? 'character' : 'characters'} left`;

  return (
    <form className="composer" onSubmit={submit} data-testid={testId}>
      <label htmlFor={fieldId}>{label}</label>
      <textarea id={fieldId} value={text} placeholder={placeholder} rows={3} aria-describedby={counterId}
                aria-invalid={over} onChange={(event) => setText(event.target.value)} />
      <div className="composer-foot">
        <span id={counterId} data-testid={`${testId}-counter`}
              className={`counter${over ? ' over' : left <= 20 ? ' near' : ''}`}
              aria-live={left <= 20 ? 'polite' : 'off'}>
          {counterText}
        </span>
        <button type="submit" disabled={blank || over || sending}>
          {sending ? 'Sending…' : submitLabel}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
