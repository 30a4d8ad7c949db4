import { useId, useState, type FormEvent } from 'react';
import { useConsole } from './AdminContext';

/**
 * Where an admin action needs credentials: a small form while nobody is signed in as admin, else who is and a way
 * out. The server checks the credentials on the first admin call (a wrong password is its 401 sentence there).
 */
export function AdminSignIn({ purpose }: { purpose: string }) {
  const { admin, signIn, signOut } = useConsole();
  const [user, setUser] = useState('admin');
  const [password, setPassword] = useState('');
  const id = useId();
  if (admin) {
    return (
      <p className="admin-state">
        Signed in as admin <strong>{admin}</strong> for this tab.{' '}
        <button type="button" className="link-button" onClick={signOut}>
          Forget credentials
        </button>
      </p>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (user.trim() && password) signIn(user.trim(), password);
  };
  return (
    <form className="admin-sign-in" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="muted">
        {purpose} needs the admin credentials. They are kept in this tab&apos;s memory only.
      </p>
      <div className="inline-fields">
        <label htmlFor={`${id}-user`}>Admin user</label>
        <input id={`${id}-user`} autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} />
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" disabled={!user.trim() || !password}>
          Use as admin
        </button>
      </div>
    </form>
  );
}
