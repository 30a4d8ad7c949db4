import { useState } from 'react';
import { Link } from 'wouter';
import { messageOf } from '../../api/problem';
import type { Profile } from '../../api/types';
import { useSession } from '../../session/SessionContext';

/** Follow / Unfollow, optimistic like the post actions: the follower count moves at once and back on refusal. */
export function FollowButton({ profile, onChange }: { profile: Profile; onChange: (change: (p: Profile) => Profile) => void }) {
  const { session, api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!session) {
    return (
      <p>
        <Link href="/login">Log in</Link> to follow @{profile.handle}.
      </p>
    );
  }
  if (session.handle === profile.handle) return <p className="muted">This is you.</p>;

  async function toggle() {
    if (busy) return;
    const follow = !profile.followedByMe;
    const before = { followedByMe: profile.followedByMe, followers: profile.followers };
    setBusy(true);
    setError(null);
    onChange((p) => ({ ...p, followedByMe: follow, followers: Math.max(0, p.followers + (follow ? 1 : -1)) }));
    try {
      await (follow ? api.follow(profile.handle) : api.unfollow(profile.handle));
    } catch (failure) {
      onChange((p) => ({ ...p, ...before }));
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="follow">
      <button type="button" className={profile.followedByMe ? 'secondary' : ''} aria-busy={busy} onClick={toggle}>
        {profile.followedByMe ? 'Unfollow' : 'Follow'}
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
