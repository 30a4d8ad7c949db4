import { useEffect, useRef, useState } from 'react';
import { followLive, type LiveOptions } from '../../api/live';
import { useSession } from '../../session/SessionContext';

/**
 * IDs of posts that reached the signed-in reader's home timeline since it was last shown, from the live stream.
 * The reader's own posts (already put on top when published, and the event may come before the publish's answer)
 * and posts already on screen (`isShown`) do not count.
 */
export function useLivePosts(isShown: (id: string) => boolean, backoff?: LiveOptions['backoff']) {
  const { session, api } = useSession();
  const [fresh, setFresh] = useState<string[]>([]);
  const [connected, setConnected] = useState(false);
  const isShownRef = useRef(isShown);
  isShownRef.current = isShown;
  const token = session?.token;
  const me = session?.handle;

  useEffect(() => {
    if (!token) return;
    const live = followLive({
      open: (signal) => api.live(signal),
      onPost: (post) => {
        if (post.author === me || isShownRef.current(post.id)) return;
        setFresh((ids) => (ids.includes(post.id) ? ids : [...ids, post.id]));
      },
      onStatus: setConnected,
      backoff,
    });
    return () => live.stop();
  }, [token, me, api, backoff]);

  return { fresh, connected, clear: () => setFresh([]) };
}
