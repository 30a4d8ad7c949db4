import { useState } from 'react';
import { Link, Redirect } from 'wouter';
import { PageHeading } from '../../app/PageHeading';
import { useSession } from '../../session/SessionContext';
import { useSignInForm } from '../../session/useSignInForm';

/** Creates the account, then logs in with the same handle and password. */
export function SignupPage() {
  const { session, api } = useSession();
  const [handle, setHandle] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, submit } = useSignInForm(async () => {
    const name = handle.trim().toLowerCase();
    await api.signUp(name, password, displayName.trim() || undefined);
    return api.logIn(name, password);
  });

  if (session) return <Redirect to="/" replace />;

  return (
    <section className="narrow">
      <PageHeading>Sign up</PageHeading>
      <form className="stack" onSubmit={submit} aria-label="Sign up">
        <label htmlFor="signup-handle">Handle</label>
        <input id="signup-handle" name="handle" autoComplete="username" required minLength={3} maxLength={30}
               pattern="[A-Za-z0-9_]{3,30}" aria-describedby="signup-handle-hint" value={handle}
               onChange={(event) => setHandle(event.target.value)} />
        <p id="signup-handle-hint" className="hint">3–30 letters, digits or underscores.</p>
        <label htmlFor="signup-name">Display name (optional)</label>
        <input id="signup-name" name="displayName" autoComplete="nickname" maxLength={50} value={displayName}
               onChange={(event) => setDisplayName(event.target.value)} />
        <label htmlFor="signup-password">Password</label>
        <input id="signup-password" name="password" type="password" autoComplete="new-password" required
               minLength={8} maxLength={128} aria-describedby="signup-password-hint" value={password}
               onChange={(event) => setPassword(event.target.value)} />
        <p id="signup-password-hint" className="hint">At least 8 characters.</p>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Creating your account…' : 'Sign up'}
        </button>
      </form>
      <p>
        Already have an account? <Link href="/login">Log in</Link>
      </p>
    </section>
  );
}
