import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from './client';
import { ApiError, messageOf } from './problem';
import { fakeFetch, json, problem } from '../test/fakeApi';

function client(fetchImpl: typeof fetch, token: string | null = 'tok', onUnauthorized = vi.fn()) {
  return { api: new ApiClient({ token: () => token, onUnauthorized, fetchImpl }), onUnauthorized };
}

describe('ApiClient', () => {
  it('sends the token as a Bearer header and JSON bodies', async () => {
    const server = fakeFetch({ 'POST /api/feed/posts': () => json({ id: '7' }, 201) });
    const { api } = client(server.impl, 'abc.def.ghi');

    await expect(api.request('POST', '/api/feed/posts', { text: 'hi' })).resolves.toEqual({ id: '7' });

    expect(server.requests[0].headers).toMatchObject({
      Authorization: 'Bearer abc.def.ghi',
      'Content-Type': 'application/json',
    });
    expect(server.requests[0].body).toEqual({ text: 'hi' });
  });

  it('sends no Authorization header when signed out', async () => {
    const server = fakeFetch({ 'GET /api/feed/users/bob': () => json({ handle: 'bob' }) });
    await client(server.impl, null).api.request('GET', '/api/feed/users/bob');
    expect(server.requests[0].headers).not.toHaveProperty('Authorization');
  });

  it('turns a problem+json answer into an error carrying its detail sentence', async () => {
    const server = fakeFetch({
      'POST /api/feed/posts': () => problem(400, 'Bad Request', 'A post has at most 500 characters.'),
    });
    const error = (await client(server.impl).api.request('POST', '/api/feed/posts', { text: 'x' }).catch((e: unknown) => e)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(messageOf(error)).toBe('A post has at most 500 characters.');
  });

  it('falls back to the title, then to a sentence of its own for a body that is not JSON', async () => {
    const server = fakeFetch({
      'GET /a': () => problem(409, 'That handle is taken.'),
      'GET /b': () => new Response('<html>gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    });
    const { api } = client(server.impl);

    expect(messageOf(await api.request('GET', '/a').catch((e) => e))).toBe('That handle is taken.');
    expect(messageOf(await api.request('GET', '/b').catch((e) => e))).toBe('The server answered 502 Bad Gateway.');
  });

  it('signs out on a 401 to a call made with a token, but not on a failed log-in without one', async () => {
    const server = fakeFetch({
      'GET /api/feed/timeline': () => problem(401, 'Unauthorized', 'Your session has expired.'),
      'POST /api/feed/sessions': () => problem(401, 'Unauthorized', 'Wrong handle or password.'),
    });
    const signedIn = client(server.impl, 'expired-token');
    await expect(signedIn.api.request('GET', '/api/feed/timeline')).rejects.toThrow('Your session has expired.');
    expect(signedIn.onUnauthorized).toHaveBeenCalledTimes(1);

    const anonymous = client(server.impl, null);
    await expect(anonymous.api.request('POST', '/api/feed/sessions', {})).rejects.toThrow('Wrong handle or password.');
    expect(anonymous.onUnauthorized).not.toHaveBeenCalled();
  });

  it('says the server could not be reached when fetch itself fails', async () => {
    const failing = vi.fn(async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch;
    const error = await client(failing).api.request('GET', '/api/feed/timeline').catch((e) => e);
    expect(messageOf(error)).toMatch(/could not reach the server/i);
  });
});
