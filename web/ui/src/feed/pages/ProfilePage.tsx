import { useCallback } from 'react';
import { useParams } from 'wouter';
import type { Post, Profile } from '../../api/types';
import { PageHeading } from '../../app/PageHeading';
import { useSession } from '../../session/SessionContext';
import { ProfileActions } from '../components/ProfileActions';
import { PostList } from '../components/PostList';
import { usePagedList } from '../hooks/usePagedList';
import { useResource } from '../hooks/useResource';

/** `#/u/{handle}`: who they are, follow / unfollow, and their posts, newest first. */
export function ProfilePage() {
  const { handle = '' } = useParams<{ handle: string }>();
  const { api } = useSession();
  const { value: profile, error, setValue: setProfile } = useResource<Profile>(() => api.profile(handle), handle);
  const posts = usePagedList<Post>(useCallback((cursor) => api.userPosts(handle, cursor), [api, handle]), handle);

  if (error) {
    return (
      <section>
        <PageHeading>@{handle}</PageHeading>
        <p role="alert" className="error">
          {error}
        </p>
      </section>
    );
  }

  return (
    <>
      <section className="profile" aria-label="Profile">
        <PageHeading title={profile?.displayName ?? `@${handle}`}>
          {profile?.displayName ?? handle} <span className="handle">@{handle}</span>
        </PageHeading>
        {profile ? (
          <>
            <dl className="stats">
              <div>
                <dt>Posts</dt>
                <dd data-testid="profile-posts">{profile.posts}</dd>
              </div>
              <div>
                <dt>Followers</dt>
                <dd data-testid="profile-followers">{profile.followers}</dd>
              </div>
              <div>
                <dt>Following</dt>
                <dd data-testid="profile-following">{profile.following}</dd>
              </div>
            </dl>
            <ProfileActions profile={profile} onChange={(change) => setProfile((p) => (p ? change(p) : p))} />
          </>
        ) : (
          <p role="status" className="muted">
            Loading profile…
          </p>
        )}
      </section>
      <PostList list={posts} label={`Posts by @${handle}`} emptyText="No posts yet." />
    </>
  );
}
