import type { Session } from '../api/types';

/** The signed-in session lives in sessionStorage only: gone when the tab closes, never in localStorage or cookies. */
const KEY = 'practical-feed.session';

export function loadSession(now: number = Date.now()): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (!session.token || !session.handle) return null;
    if (session.expiresAt && Date.parse(session.expiresAt) <= now) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
