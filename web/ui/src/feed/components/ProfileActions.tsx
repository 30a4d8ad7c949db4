import { useState } from 'react';
import { Link } from 'wouter';
import { messageOf } from '../../api/problem';
import type { Profile } from '../../api/types';
import { useSession } from '../../session/SessionContext';

type Change = (profile: Profile) => Profile;

/**
 * Follow / Unfollow and Block / Unblock, optimistic like the post actions: the profile changes at once and goes back,
 * with the server's sentence, when the server refuses. Blocking also ends my following them (the server removes
 * follows both ways), and a blocked profile offers no Follow.
 */
export function ProfileActions({ profile, onChange }: { profile: Profile; onChange: (change: Change) => void }) {
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

  async function optimistic(change: Change, call: () => Promise<unknown>) {
    if (busy) return;
    const before: Change = (p) => ({ ...p, followedByMe: profile.followedByMe, followers: profile.followers,
      blockedByMe: profile.blockedByMe });
    setBusy(true);
    setError(null);
    onChange(change);
    try {
      await call();
    } catch (failure) {
      onChange(before);
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  }

  const unfollowed: Change = (p) => (p.followedByMe ? { ...p, followedByMe: false, followers: Math.max(0, p.followers - 1) } : p);
  const toggleFollow = () => profile.followedByMe
    ? optimistic(unfollowed, () => api.unfollow(profile.handle))
    : optimistic((p) => ({ ...p, followedByMe: true, followers: p.followers + 1 }), () => api.follow(profile.handle));
  const toggleBlock = () => profile.blockedByMe
    ? optimistic((p) => ({ ...p, blockedByMe: false }), () => api.unblock(profile.handle))
    : optimistic((p) => ({ ...unfollowed(p), blockedByMe: true }), () => api.block(profile.handle));

  return (
    <div className="profile-actions">
      <div className="button-row">
        {!profile.blockedByMe && (
          <button type="button" className={profile.followedByMe ? 'secondary' : ''} aria-busy={busy} onClick={toggleFollow}>
            {profile.followedByMe ? 'Unfollow' : 'Follow'}
          </button>
        )}
        <button type="button" className="secondary subtle-danger" aria-busy={busy} onClick={toggleBlock}>
          {profile.blockedByMe ? 'Unblock' : 'Block'}
        </button>
      </div>
      {profile.blockedByMe && <p className="muted">You blocked @{profile.handle}: their posts never reach you.</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
