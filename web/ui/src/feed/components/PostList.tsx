import type { Post } from '../../api/types';
import type { PagedList } from '../hooks/usePagedList';
import { LoadMore } from './LoadMore';
import { PostCard } from './PostCard';

interface Props {
  list: PagedList<Post>;
  label: string;
  emptyText: string;
  onShared?: (repost: Post) => void;
}

/** A paged list of posts with infinite scroll; actions on a post change it in the list. */
export function PostList({ list, label, emptyText, onShared }: Props) {
  const update = (id: string, change: (post: Post) => Post) =>
    list.update((items) => items.map((item) => (item.id === id ? change(item) : item)));
  const onDeleted = (id: string) => list.update((items) => items.filter((item) => item.id !== id));
  return (
    <section aria-label={label}>
      <ol className="post-list" data-testid="post-list">
        {list.items.map((post) => (
          <li key={post.id}>
            <PostCard post={post} update={update} onShared={onShared} onDeleted={onDeleted} />
          </li>
        ))}
      </ol>
      <LoadMore status={list.status} error={list.error} onMore={list.loadMore} label="Load more posts"
                endText="You're all caught up." empty={list.items.length === 0} emptyText={emptyText} />
    </section>
  );
}
