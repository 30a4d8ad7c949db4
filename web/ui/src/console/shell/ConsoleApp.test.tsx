import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeFetch, json } from '../../test/fakeApi';
import { renderConsole } from '../../test/renderConsole';
import { AdminProvider, useConsole } from './AdminContext';

describe('console shell', () => {
  it('lists every console page in its header and marks the current one', async () => {
    const { impl } = fakeFetch({});
    renderConsole(impl, '#/kv');
    const nav = screen.getByRole('navigation', { name: 'Console' });
    for (const label of ['Overview', 'IDs', 'Key-value', 'URLs', 'Crawler']) {
      expect(nav).toHaveTextContent(label);
    }
    expect(screen.getByRole('link', { name: 'Key-value' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Feed' })).toHaveAttribute('href', '/feed/');
  });

  it('sends the admin credentials as HTTP Basic only on admin calls, and forgets them on a 401', async () => {
    const { impl, requests } = fakeFetch({
      'GET /api/probe': () => json({ ok: true }),
      'POST /api/probe': () =>
        new Response(JSON.stringify({ title: 'Unauthorized', status: 401, detail: 'Wrong credentials.' }), {
          status: 401,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    });
    let shell!: ReturnType<typeof useConsole>;
    function Probe() {
      shell = useConsole();
      return <p>admin: {shell.admin ?? 'none'}</p>;
    }
    render(
      <AdminProvider fetchImpl={impl}>
        <Probe />
      </AdminProvider>,
    );
    shell.signIn('admin', 'pässword');
    await screen.findByText('admin: admin');
    await shell.api.request('GET', '/api/probe');
    await expect(shell.adminApi.request('POST', '/api/probe')).rejects.toThrow('Wrong credentials.');
    expect(requests[0].headers.Authorization).toBeUndefined();
    expect(requests[1].headers.Authorization).toBe(`Basic ${Buffer.from('admin:pässword', 'utf8').toString('base64')}`);
    await waitFor(() => expect(screen.getByText('admin: none')).toBeInTheDocument());
    expect(window.localStorage.length + window.sessionStorage.length).toBe(0);
  });
});
