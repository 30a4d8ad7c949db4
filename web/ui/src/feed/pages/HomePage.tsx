import { useCallback } from 'react';
import { Redirect } from 'wouter';
import type { Post } from '../../api/types';
import { PageHeading } from '../../app/PageHeading';
import { useSession } from '../../session/SessionContext';
import { LiveNotice } from '../components/LiveNotice';
import { PostList } from '../components/PostList';
import { POST_MAX, TextComposer } from '../components/TextComposer';
import { usePagedList } from '../hooks/usePagedList';
import { useLivePosts } from '../hooks/useLivePosts';

/** The signed-in reader's home timeline: compose, live "new posts" notice, infinite scroll. */
export function HomePage() {
  const { session } = useSession();
  if (!session) return <Redirect to="/login" replace />;
  return <Timeline key={session.handle} />;
}

function Timeline() {
  const { api } = useSession();
  const list = usePagedList<Post>(useCallback((cursor) => api.timeline(cursor), [api]), 'home');
  const isShown = (id: string) => list.items.some((post) => post.id === id);
  const live = useLivePosts(isShown);
  const prepend = (post: Post) => list.update((items) => [post, ...items.filter((item) => item.id !== post.id)]);

  function showNew() {
    live.clear();
    list.reload();
    window.scrollTo?.({ top: 0 });
    document.querySelector<HTMLElement>('.page-heading')?.focus();
  }

  return (
    <>
      <PageHeading>Home</PageHeading>
      <TextComposer label="What's happening?" submitLabel="Post" max={POST_MAX} testId="composer"
                    onSubmit={async (text) => prepend(await api.publish(text))} />
      <LiveNotice count={live.fresh.length} onShow={showNew} />
      <PostList list={list} label="Home timeline" onShared={prepend}
                emptyText="Nothing here yet. Follow people to see their posts, or write the first one." />
    </>
  );
}
