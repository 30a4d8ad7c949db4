const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });
const absolute = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/** "5 min. ago" up to a week, then the date; the exact time is in the title and the datetime attribute. */
export function Time({ iso, now = Date.now() }: { iso: string; now?: number }) {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  let amount = Math.round((at - now) / 1000);
  let text: string | undefined;
  for (const [unit, size] of steps) {
    if (Math.abs(amount) < size) {
      text = unit === 'second' && Math.abs(amount) < 10 ? 'just now' : relative.format(amount, unit);
      break;
    }
    amount = Math.round(amount / size);
  }
  const exact = absolute.format(at);
  return (
    <time dateTime={iso} title={exact}>
      {text ?? exact}
    </time>
  );
}
