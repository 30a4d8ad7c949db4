import { useCallback } from 'react';
import { useLocation, useParams } from 'wouter';
import type { Comment, Post } from '../../api/types';
import { PageHeading } from '../../app/PageHeading';
import { useSession } from '../../session/SessionContext';
import { CommentList } from '../components/CommentList';
import { PostCard } from '../components/PostCard';
import { POST_MAX, TextComposer } from '../components/TextComposer';
import { usePagedList } from '../hooks/usePagedList';
import { useResource } from '../hooks/useResource';

/** `#/p/{id}`: one post and its comments, oldest first; commenting is optimistic. */
export function PostPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { session, api } = useSession();
  const [, navigate] = useLocation();
  const { value: post, error, setValue: setPost } = useResource<Post>(() => api.post(id), id);
  const comments = usePagedList<Comment>(useCallback((cursor) => api.comments(id, cursor), [api, id]), id);

  const update = (_: string, change: (p: Post) => Post) => setPost((p) => (p ? change(p) : p));

  async function addComment(text: string) {
    const pending: Comment = { id: `pending-${Date.now()}`, postId: id, author: session!.handle, text,
      createdAt: new Date().toISOString() };
    comments.update((items) => [...items, pending]);
    update(id, (p) => ({ ...p, comments: p.comments + 1 }));
    try {
      const saved = await api.comment(id, text);
      comments.update((items) => items.map((c) => (c.id === pending.id ? saved : c)));
    } catch (failure) {
      comments.update((items) => items.filter((c) => c.id !== pending.id));
      update(id, (p) => ({ ...p, comments: Math.max(0, p.comments - 1) }));
      throw failure;
    }
  }

  return (
    <>
      <PageHeading title={post ? `Post by @${post.author}` : 'Post'}>Post</PageHeading>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!post && !error && (
        <p role="status" className="muted">
          Loading post…
        </p>
      )}
      {post && <PostCard post={post} update={update} onDeleted={() => navigate('/', { replace: true })} />}
      {post && (
        <section aria-labelledby="comments-heading" className="comments">
          <h2 id="comments-heading">Comments</h2>
          <CommentList list={comments} />
          {session ? (
            <TextComposer label="Add a comment" submitLabel="Comment" max={POST_MAX} testId="comment-composer"
                          onSubmit={addComment} />
          ) : (
            <p className="muted">Log in to comment.</p>
          )}
        </section>
      )}
    </>
  );
}
