import { Link } from 'wouter';
import { useSession } from '../session/SessionContext';

export function AppHeader() {
  const { session, signOut } = useSession();
  return (
    <header className="app-header">
      <nav aria-label="Main" className="app-nav">
        <Link href="/" className="brand" aria-label="Practical Feed">
          <span className="brand-long">Practical </span>Feed
        </Link>
        {session ? (
          <>
            <Link href="/">Home</Link>
            <Link href={`/u/${session.handle}`}>My profile</Link>
            <button type="button" className="link-button" onClick={() => signOut()}>
              Log out
            </button>
          </>
        ) : (
          <>
            <Link href="/login">Log in</Link>
            <Link href="/signup">Sign up</Link>
          </>
        )}
      </nav>
    </header>
  );
}
