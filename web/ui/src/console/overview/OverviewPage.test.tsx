import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, json, problem } from '../../test/fakeApi';
import { renderConsole } from '../../test/renderConsole';

const ready = (down: string[] = []) => {
  const checks = ['idgen', 'kv', 'messaging', 'mongodb', 'redis', 'sql'].map((name) => ({
    name,
    status: down.includes(name) ? 'DOWN' : 'UP',
  }));
  return json({ status: down.length ? 'DOWN' : 'UP', checks }, down.length ? 503 : 200);
};

const backends = () =>
  json([
    { service: 'redis', mode: 'external' },
    { service: 'sql', mode: 'local' },
    { service: 'mongodb', mode: 'embedded' },
    { service: 'messaging', mode: 'embedded' },
  ]);

const adminDetails = () =>
  json({
    status: 'UP',
    checks: [
      { name: 'mongodb', status: 'UP', data: { backend: 'embedded mongodb on 127.0.0.1:27017 (nothing configured)', database: 'practical' } },
      { name: 'redis', status: 'UP', data: { backend: 'external redis at redis://cache:6379 (configured)' } },
      { name: 'sql', status: 'UP', data: { database: 'MariaDB' } },
      { name: 'idgen', status: 'UP', data: { status: 'leased', workerId: 3 } },
    ],
  });

describe('Overview page', () => {
  it('shows every readiness check, and a system as not ready when a check it needs is down (503 from /health/ready)', async () => {
    const { impl } = fakeFetch({ 'GET /health/ready': () => ready(['mongodb']), 'GET /api/platform/backends': backends });
    renderConsole(impl, '#/');

    const table = await screen.findByRole('table', { name: 'Readiness checks' });
    expect(within(table).getByRole('row', { name: /Documents/ })).toHaveTextContent('DOWN');
    expect(within(table).getByRole('row', { name: /Redis/ })).toHaveTextContent('UP');
    expect(screen.getByRole('article', { name: 'Web crawler' })).toHaveTextContent('Not ready: Documents down');
    expect(screen.getByRole('article', { name: 'News feed' })).toHaveTextContent('Not ready: Documents down');
    expect(screen.getByRole('article', { name: 'ID generator' })).toHaveTextContent('Ready');
    expect(screen.getByRole('article', { name: 'ID generator' })).not.toHaveTextContent('Not ready');
    const names = within(table).getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(names).toEqual(['Redis', 'SQL database', 'Messaging (JMS)', 'Documents', 'ID generator', 'KV node']);
  });

  it('links to each system page, the OpenAPI UI and the Admin Center', async () => {
    const { impl } = fakeFetch({ 'GET /health/ready': () => ready(), 'GET /api/platform/backends': backends });
    renderConsole(impl, '#/');
    await screen.findByRole('table', { name: 'Readiness checks' });
    expect(screen.getByRole('link', { name: 'OpenAPI UI' })).toHaveAttribute('href', '/openapi/ui/');
    expect(screen.getByRole('link', { name: 'Admin Center' }).getAttribute('href')).toMatch(/\/adminCenter\/$/);
    const ids = screen.getByRole('article', { name: 'ID generator' });
    expect(within(ids).getByRole('link', { name: 'Open its page' })).toHaveAttribute('href', '#/ids');
    expect(ids).toHaveTextContent('docs/idgen.md');
  });

  it('shows where each backend runs to anyone, from the public backends list, without credentials', async () => {
    const { impl, requests } = fakeFetch({ 'GET /health/ready': () => ready(), 'GET /api/platform/backends': backends });
    renderConsole(impl, '#/');

    const table = await screen.findByRole('table', { name: 'Readiness checks' });
    expect(within(table).getByRole('columnheader', { name: 'Runs' })).toBeInTheDocument();
    await waitFor(() => expect(within(table).getByRole('row', { name: /Redis/ })).toHaveTextContent('external'));
    expect(within(table).getByRole('row', { name: /SQL/ })).toHaveTextContent('local');
    expect(within(table).getByRole('row', { name: /Documents/ })).toHaveTextContent('embedded');
    expect(within(table).getByRole('row', { name: /Messaging/ })).toHaveTextContent('embedded');
    expect(within(table).getByRole('row', { name: /ID generator/ })).toHaveTextContent('in this server');
    expect(within(table).getByRole('row', { name: /KV node/ })).toHaveTextContent('in this server');
    expect(screen.queryByRole('columnheader', { name: 'Details' })).not.toBeInTheDocument();
    expect(requests.find((r) => r.url === '/api/platform/backends')!.headers.Authorization).toBeUndefined();
    expect(requests.some((r) => r.url === '/api/admin/health')).toBe(false);
  });

  it("shows the server's sentence when the backends list is refused", async () => {
    const { impl } = fakeFetch({
      'GET /health/ready': () => ready(),
      'GET /api/platform/backends': () => problem(503, 'Service Unavailable', 'The server is starting: try again shortly.'),
    });
    renderConsole(impl, '#/');
    expect(await screen.findByRole('alert')).toHaveTextContent('The server is starting: try again shortly.');
    const table = screen.getByRole('table', { name: 'Readiness checks' });
    expect(within(table).getByRole('row', { name: /Redis/ })).toHaveTextContent('—');
  });

  it("shows each backend's details only to the signed-in admin, asking with the admin credentials", async () => {
    const { impl, requests } = fakeFetch({
      'GET /health/ready': () => ready(),
      'GET /api/platform/backends': backends,
      'GET /api/admin/health': adminDetails,
    });
    renderConsole(impl, '#/');
    await screen.findByRole('table', { name: 'Readiness checks' });
    expect(screen.queryByRole('columnheader', { name: 'Details' })).not.toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Password'), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Use as admin' }));

    const table = screen.getByRole('table', { name: 'Readiness checks' });
    await waitFor(() =>
      expect(within(table).getByRole('row', { name: /Redis/ })).toHaveTextContent('backend: external redis at redis://cache:6379'),
    );
    expect(within(table).getByRole('row', { name: /SQL/ })).toHaveTextContent('database: MariaDB');
    expect(within(table).getByRole('row', { name: /ID generator/ })).toHaveTextContent('workerId: 3');
    const detailsCall = requests.find((r) => r.url === '/api/admin/health')!;
    expect(detailsCall.headers.Authorization).toMatch(/^Basic /);
    expect(requests.filter((r) => r.url === '/health/ready').every((r) => !r.headers.Authorization)).toBe(true);
  });

  it("shows the server's sentence when the admin details are refused (HTTP instead of HTTPS)", async () => {
    const { impl } = fakeFetch({
      'GET /health/ready': () => ready(),
      'GET /api/platform/backends': backends,
      'GET /api/admin/health': () => problem(403, 'HTTPS required', 'Admin endpoints answer over HTTPS only.'),
    });
    renderConsole(impl, '#/');
    await userEvent.type(await screen.findByLabelText('Password'), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Use as admin' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Admin endpoints answer over HTTPS only.');
  });

  it('says so when the server cannot be reached', async () => {
    const failing = (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch;
    renderConsole(failing, '#/');
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not reach the server/i);
  });
});
