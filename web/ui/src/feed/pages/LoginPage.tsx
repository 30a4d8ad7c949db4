import { useState } from 'react';
import { Link, Redirect } from 'wouter';
import { PageHeading } from '../../app/PageHeading';
import { useSession } from '../../session/SessionContext';
import { useSignInForm } from '../../session/useSignInForm';

export function LoginPage() {
  const { session, api, expired } = useSession();
  const [handle, setHandle] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, submit } = useSignInForm(() => api.logIn(handle.trim().toLowerCase(), password));

  if (session) return <Redirect to="/" replace />;

  return (
    <section className="narrow">
      <PageHeading>Log in</PageHeading>
      {expired && !error && (
        <p role="status" className="notice">
          Your session has ended. Please log in again.
        </p>
      )}
      <form className="stack" onSubmit={submit} aria-label="Log in">
        <label htmlFor="login-handle">Handle</label>
        <input id="login-handle" name="handle" autoComplete="username" required value={handle}
               onChange={(event) => setHandle(event.target.value)} />
        <label htmlFor="login-password">Password</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" required
               value={password} onChange={(event) => setPassword(event.target.value)} />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p>
        New here? <Link href="/signup">Create an account</Link>
      </p>
    </section>
  );
}
