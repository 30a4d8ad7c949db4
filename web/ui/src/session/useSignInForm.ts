import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { messageOf } from '../api/problem';
import type { Session } from '../api/types';
import { useSession } from './SessionContext';

/**
 * The submit of the log-in and sign-up forms: runs `obtain` (which ends with a session), signs in and opens the
 * home timeline; a refusal leaves the form with the server's sentence.
 */
export function useSignInForm(obtain: () => Promise<Session>) {
  const { signIn } = useSession();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signIn(await obtain());
      navigate('/', { replace: true });
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  }

  return { error, busy, submit };
}
