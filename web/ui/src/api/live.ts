import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { ApiError } from './problem';
import type { LivePost } from './types';

export interface LiveOptions {
  open: (signal: AbortSignal) => Promise<Response>;
  onPost: (post: LivePost) => void;
  onStatus?: (connected: boolean) => void;
  /** Milliseconds to wait before reconnect attempt `attempt` (0-based); exponential with jitter by default. */
  backoff?: (attempt: number) => number;
}

/** 1 s, 2 s, 4 s … capped at 30 s, each with up to 20 % jitter so reconnecting clients do not arrive together. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
  return Math.round(base * (1 + 0.2 * random()));
}

/**
 * Follows `GET /api/feed/live` (Server-Sent Events) with fetch and a stream reader — EventSource cannot send the
 * Authorization header — and reconnects with backoff whenever the stream ends or fails, until `stop()`. A 401 stops
 * for good (the client has already signed out).
 */
export function followLive(options: LiveOptions): { stop: () => void } {
  const controller = new AbortController();
  const delay = options.backoff ?? reconnectDelay;

  const parser = createParser({
    onEvent(message: EventSourceMessage) {
      if (message.event !== 'post') return;
      try {
        const post = JSON.parse(message.data) as LivePost;
        if (post && typeof post.id === 'string') options.onPost(post);
      } catch {
        // A malformed event is skipped; the stream goes on.
      }
    },
  });

  async function readOnce(): Promise<boolean> {
    const response = await options.open(controller.signal);
    if (!response.body) return true;
    options.onStatus?.(true);
    parser.reset();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return true;
      parser.feed(value);
    }
  }

  async function run() {
    let attempt = 0;
    while (!controller.signal.aborted) {
      try {
        if (await readOnce()) attempt = 0;
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) return;
      }
      options.onStatus?.(false);
      if (controller.signal.aborted) return;
      await sleep(delay(attempt++), controller.signal);
    }
  }

  void run();
  return { stop: () => controller.abort() };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}
