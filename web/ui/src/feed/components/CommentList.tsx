import { Link } from 'wouter';
import type { Comment } from '../../api/types';
import type { PagedList } from '../hooks/usePagedList';
import { LoadMore } from './LoadMore';
import { Time } from './time';

/** Comments, oldest first; one still being sent is marked as such. */
export function CommentList({ list }: { list: PagedList<Comment> }) {
  return (
    <>
      <ol className="comment-list" data-testid="comment-list">
        {list.items.map((comment) => {
          const pending = comment.id.startsWith('pending-');
          return (
            <li key={comment.id} className={`comment${pending ? ' pending' : ''}`} data-testid="comment"
                aria-busy={pending}>
              <p className="comment-head">
                <Link href={`/u/${comment.author}`}>@{comment.author}</Link>{' '}
                {pending ? <span className="muted">sending…</span> : <Time iso={comment.createdAt} />}
              </p>
              <p className="comment-text">{comment.text}</p>
            </li>
          );
        })}
      </ol>
      <LoadMore status={list.status} error={list.error} onMore={list.loadMore} label="Load more comments"
                endText="" empty={list.items.length === 0} emptyText="No comments yet." />
    </>
  );
}
