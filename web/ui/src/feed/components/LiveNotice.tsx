/** The "N new posts" notice: announced politely, and a button that shows them. */
export function LiveNotice({ count, onShow }: { count: number; onShow: () => void }) {
  return (
    <div className="live-notice" aria-live="polite" aria-atomic="true">
      {count > 0 && (
        <button type="button" className="notice-button" onClick={onShow} data-testid="live-notice">
          Show {count} new {count === 1 ? 'post' : 'posts'}
        </button>
      )}
    </div>
  );
}
