import { describe, expect, it, vi } from 'vitest';
import { eventStream, problem } from '../test/fakeApi';
import { followLive, reconnectDelay } from './live';
import { ApiError, problemFrom } from './problem';

describe('followLive', () => {
  it('delivers post events, skips heartbeats and other events, and reconnects when the stream ends', async () => {
    const first = eventStream();
    const second = eventStream();
    const open = vi.fn().mockResolvedValueOnce(first.response).mockResolvedValueOnce(second.response);
    const onPost = vi.fn();
    const waits: number[] = [];
    const live = followLive({ open, onPost, backoff: (attempt) => { waits.push(attempt); return 0; } });

    first.send(': heartbeat\n\nevent: other\ndata: {"id":"1"}\n\nevent: post\ndata: {"id":"2","au');
    first.send('thor":"bob"}\n\n');
    await vi.waitFor(() => expect(onPost).toHaveBeenCalledWith({ id: '2', author: 'bob' }));
    first.end();

    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(2));
    second.send('event: post\ndata: {"id":"3","author":"carol"}\n\n');
    await vi.waitFor(() => expect(onPost).toHaveBeenCalledTimes(2));
    expect(onPost).toHaveBeenLastCalledWith({ id: '3', author: 'carol' });
    expect(waits).toEqual([0]);
    live.stop();
  });

  it('backs off further after each failed attempt', async () => {
    const later = eventStream();
    const open = vi.fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockRejectedValueOnce(await problemFrom(problem(503, 'Service Unavailable')))
      .mockResolvedValueOnce(later.response);
    const waits: number[] = [];
    const live = followLive({ open, onPost: vi.fn(), backoff: (attempt) => { waits.push(attempt); return 0; } });

    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(3));
    expect(waits).toEqual([0, 1]);
    live.stop();
  });

  it('stops for good on 401', async () => {
    const open = vi.fn().mockRejectedValue(new ApiError(401, 'Your session has expired.'));
    const backoff = vi.fn(() => 0);
    followLive({ open, onPost: vi.fn(), backoff });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(open).toHaveBeenCalledTimes(1);
    expect(backoff).not.toHaveBeenCalled();
  });

  it('waits 1 s, 2 s, 4 s … up to 30 s, plus at most 20 % jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => reconnectDelay(n, () => 0))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(reconnectDelay(0, () => 0.999)).toBeLessThanOrEqual(1200);
  });
});
