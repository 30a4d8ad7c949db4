import { useId, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { messageOf } from '../../api/problem';
import type { Post } from '../../api/types';
import { useSession } from '../../session/SessionContext';
import { Time } from './time';

interface Props {
  post: Post;
  /** Applies a change to this post wherever the page keeps it. */
  update: (id: string, change: (post: Post) => Post) => void;
  onShared?: (repost: Post) => void;
  onDeleted?: (id: string) => void;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One post with its actions. Like and share are optimistic: the count changes at once, the server's answer then
 * corrects it, and a refusal puts it back and shows the server's sentence under the post.
 */
export function PostCard({ post, update, onShared, onDeleted }: Props) {
  const { session, api } = useSession();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [liking, setLiking] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const headingId = useId();
  const mine = session?.handle === post.author;

  function requireSignIn(): boolean {
    if (session) return true;
    navigate('/login');
    return false;
  }

  async function toggleLike() {
    if (!requireSignIn() || liking) return;
    const before = { likes: post.likes, likedByMe: post.likedByMe };
    const like = !post.likedByMe;
    setError(null);
    setLiking(true);
    update(post.id, (p) => ({ ...p, likedByMe: like, likes: Math.max(0, p.likes + (like ? 1 : -1)) }));
    try {
      const state = like ? await api.like(post.id) : await api.unlike(post.id);
      update(post.id, (p) => ({ ...p, likes: state.likes, likedByMe: state.likedByMe }));
    } catch (failure) {
      update(post.id, (p) => ({ ...p, ...before }));
      setError(messageOf(failure));
    } finally {
      setLiking(false);
    }
  }

  async function share() {
    if (!requireSignIn() || sharing) return;
    setError(null);
    setSharing(true);
    update(post.id, (p) => ({ ...p, shares: p.shares + 1 }));
    try {
      const repost = await api.share(post.id);
      onShared?.(repost);
    } catch (failure) {
      update(post.id, (p) => ({ ...p, shares: Math.max(0, p.shares - 1) }));
      setError(messageOf(failure));
    } finally {
      setSharing(false);
    }
  }

  async function remove() {
    setError(null);
    try {
      await api.remove(post.id);
      onDeleted?.(post.id);
    } catch (failure) {
      setConfirmDelete(false);
      setError(messageOf(failure));
    }
  }

  return (
    <article className="post" aria-labelledby={headingId} data-testid="post" data-post-id={post.id}>
      <header className="post-head">
        <h2 id={headingId} className="post-author">
          <Link href={`/u/${post.author}`}>{post.authorDisplayName || post.author}</Link>{' '}
          <span className="handle">@{post.author}</span>
        </h2>
        <Link href={`/p/${post.id}`} className="post-time" aria-label={`Open post by @${post.author}`}>
          <Time iso={post.createdAt} />
        </Link>
      </header>
      {post.sharedFrom && <p className="shared-label">Shared a post</p>}
      {post.text && <p className="post-text" data-testid="post-text">{post.text}</p>}
      {post.sharedFrom && (
        <blockquote className="shared">
          <p className="post-author">
            <Link href={`/u/${post.sharedFrom.author}`}>@{post.sharedFrom.author}</Link>{' '}
            <Link href={`/p/${post.sharedFrom.id}`} className="post-time">
              <Time iso={post.sharedFrom.createdAt} />
            </Link>
          </p>
          <p className="post-text">{post.sharedFrom.text}</p>
        </blockquote>
      )}
      <p className="sr-only">
        {plural(post.likes, 'like', 'likes')}, {plural(post.comments, 'comment', 'comments')},{' '}
        {plural(post.shares, 'share', 'shares')}
      </p>
      <div className="post-actions" role="group" aria-label="Post actions">
        <button type="button" className={`action${post.likedByMe ? ' on' : ''}`} aria-label="Like"
                aria-pressed={post.likedByMe} aria-busy={liking} onClick={toggleLike}>
          <span aria-hidden="true">{post.likedByMe ? '♥' : '♡'}</span>
          <span aria-hidden="true" data-testid="like-count">{post.likes}</span>
        </button>
        <Link href={`/p/${post.id}`} className="action" aria-label="Comments">
          <span aria-hidden="true">💬</span>
          <span aria-hidden="true" data-testid="comment-count">{post.comments}</span>
        </Link>
        <button type="button" className="action" aria-label="Share" aria-busy={sharing} onClick={share}>
          <span aria-hidden="true">↻</span>
          <span aria-hidden="true" data-testid="share-count">{post.shares}</span>
        </button>
        {mine && !confirmDelete && (
          <button type="button" className="action subtle" onClick={() => setConfirmDelete(true)}>
            Delete
          </button>
        )}
        {mine && confirmDelete && (
          <span className="confirm">
            <button type="button" className="danger" onClick={remove}>
              Delete post
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
              Keep
            </button>
          </span>
        )}
      </div>
      {error && (
        <p role="alert" className="error" data-testid="post-error">
          {error}
        </p>
      )}
    </article>
  );
}
